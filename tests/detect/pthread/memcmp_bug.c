//! expect: bug data-race
//! args: --strategy=dfs
/* A thread changes a byte of a shared key while the other compares the
 * key with memcmp, without a lock: a data race seen through memcmp's
 * reads of the key (the reader makes no plain access to it).  The
 * locked twin is memcmp_ok.c. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static unsigned char key[16];
static const unsigned char zero[16];

static void *rekey(void *arg)
{
	key[3] = (unsigned char)*(int *)arg;
	return NULL;
}

int main(void)
{
	pthread_t t;
	int fill = 0x5a, same;

	pthread_create(&t, NULL, rekey, &fill);
	same = memcmp(key, zero, sizeof key) == 0;
	pthread_join(t, NULL);
	printf("%d\n", same);
	return 0;
}
