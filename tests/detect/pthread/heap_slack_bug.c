//! expect: bug out-of-bounds
//! args: --strategy=dfs
/* A name buffer sized for the name without its terminating NUL: strlen
 * bytes are allocated and strcpy writes one more, into the rest of the
 * block's last 16-byte granule.  Natively nothing happens (malloc rounds
 * the block up), and weft verified it: its heap shadow knew granules,
 * not bytes, so only an access past the granule was out of bounds.  Now
 * a block's last granule knows where the block ends, as ASan's shadow
 * does.  heap_slack_ok.c allocates the NUL's byte too. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *name;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *namer(void *arg)
{
	const char *s = arg;

	pthread_mutex_lock(&m);
#ifdef HEAP_SLACK_OK
	name = malloc(strlen(s) + 1);
#else
	name = malloc(strlen(s));
#endif
	strcpy(name, s);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, namer, "worker-1");
	pthread_join(t, NULL);
	free(name);
	return 0;
}
