//! expect: bug assertion
//! args: --strategy=dfs
/* A broken mutual exclusion: each thread enters (cs++), checks it is
 * alone, and leaves (cs--), with no lock.  The race on cs was reported,
 * but the assertion it leads to was not: the first accesses of a thread's
 * epoch stood for the later ones, so only the increment's sites raced and
 * became scheduling points, and the check and the decrement never let the
 * other thread in between.  Now the sites of every later access to a
 * granule that raced become scheduling points too (from the next
 * execution on).  consequence_ok.c takes a lock around the section. */
#include <assert.h>
#include <pthread.h>

int cs;
#ifdef CONSEQUENCE_FIXED
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
#endif

/* Out of line, so that the compiler reads cs again instead of using the
 * value it just stored. */
static __attribute__((noinline)) int inside(void)
{
	return cs;
}

static void *worker(void *arg)
{
	(void)arg;
#ifdef CONSEQUENCE_FIXED
	pthread_mutex_lock(&m);
#endif
	cs++;
	assert(inside() == 1);
	cs--;
#ifdef CONSEQUENCE_FIXED
	pthread_mutex_unlock(&m);
#endif
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return cs;
}
