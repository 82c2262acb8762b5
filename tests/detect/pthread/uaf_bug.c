//! expect: bug use-after-free
//! args: --strategy=dfs
/* One thread frees a shared buffer when it is done with it while another
 * thread still reads it: a use-after-free in some interleavings.
 * uaf_ok.c joins the reader before freeing. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *buf;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int sum;

static void *reader(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	pthread_mutex_unlock(&lock);
	sum = buf[0] + buf[15];
	return NULL;
}

static void *releaser(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	free(buf);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t r, f;

	buf = malloc(16);
	memset(buf, 1, 16);
	pthread_create(&r, NULL, reader, NULL);
	pthread_create(&f, NULL, releaser, NULL);
	pthread_join(r, NULL);
	pthread_join(f, NULL);
	return sum == 2 ? 0 : 1;
}
