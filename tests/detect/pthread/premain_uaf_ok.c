//! expect: verified
//! args: --strategy=dfs
/* The correct twin of premain_uaf_bug.c: the buffer a constructor
 * allocated is freed only after the reader has finished (joined).  Every
 * execution frees it, and every execution starts with it live again and
 * holding what the constructor wrote, so no free is a double free. */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *buf;
static int sum;

__attribute__((constructor)) static void setup(void)
{
	buf = malloc(16);
	memset(buf, 1, 16);
}

static void *reader(void *arg)
{
	(void)arg;
	sum = buf[0] + buf[15];
	return NULL;
}

int main(void)
{
	pthread_t r;

	pthread_create(&r, NULL, reader, NULL);
	pthread_join(r, NULL);
	assert(buf[0] == 1);
	buf[0] = 5;
	free(buf);
	assert(sum == 2);
	return 0;
}
