//! expect: bug data-race
//! args: --strategy=dfs
/* A reader copies a shared buffer with bcopy while a writer fills it
 * without the lock.  gcc expanded the bcopy of a known size into plain
 * moves the race check never saw, and weft verified the program (found by
 * a probe of outside programs); index and rindex, the old names of
 * strchr and strrchr, went unchecked the same way.  bcopy_race_ok.c
 * takes the lock in the writer too. */
#include <pthread.h>
#include <string.h>
#include <strings.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static char shared[16] = "hello, world";
static char out[16];

static void *writer(void *arg)
{
#ifdef LOCKED
	pthread_mutex_lock(&mu);
#endif
	memcpy(shared, "HELLO, WORLD", 12);
#ifdef LOCKED
	pthread_mutex_unlock(&mu);
#endif
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, writer, NULL);
	pthread_mutex_lock(&mu);
	bcopy(shared, out, 10);
	pthread_mutex_unlock(&mu);
	pthread_join(t, NULL);
	return index(out, 'x') != NULL || rindex(shared, 'q') != NULL;
}
