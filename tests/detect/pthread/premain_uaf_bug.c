//! expect: bug use-after-free
//! args: --strategy=dfs
/* uaf_bug.c with the buffer allocated by a constructor, before main: one
 * thread frees it while another still reads it.  Blocks from before main
 * are tracked like the others, so the late read is a use-after-free (it
 * was missed, and the program verified, when such blocks were libc's).
 * premain_uaf_ok.c joins the reader before freeing. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *buf;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int sum;

__attribute__((constructor)) static void setup(void)
{
	buf = malloc(16);
	memset(buf, 1, 16);
}

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

	pthread_create(&r, NULL, reader, NULL);
	pthread_create(&f, NULL, releaser, NULL);
	pthread_join(r, NULL);
	pthread_join(f, NULL);
	return sum == 2 ? 0 : 1;
}
