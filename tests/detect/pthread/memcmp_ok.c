//! expect: verified
//! args: --strategy=dfs
/* The correct twin of memcmp_bug.c: the update and the memcmp of the
 * shared key both hold the mutex. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static unsigned char key[16];
static const unsigned char zero[16];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *rekey(void *arg)
{
	pthread_mutex_lock(&lock);
	key[3] = (unsigned char)*(int *)arg;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int fill = 0x5a, same;

	pthread_create(&t, NULL, rekey, &fill);
	pthread_mutex_lock(&lock);
	same = memcmp(key, zero, sizeof key) == 0;
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("%d\n", same);
	return 0;
}
