//! expect: verified
//! args: --strategy=dfs
/* The correct twin of uaf_bug.c: the buffer is freed only after the
 * reader has finished (joined). */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *buf;
static int sum;

static void *reader(void *arg)
{
	(void)arg;
	sum = buf[0] + buf[15];
	return NULL;
}

int main(void)
{
	pthread_t r;

	buf = malloc(16);
	memset(buf, 1, 16);
	pthread_create(&r, NULL, reader, NULL);
	pthread_join(r, NULL);
	free(buf);
	assert(sum == 2);
	return 0;
}
