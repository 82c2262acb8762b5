//! expect: verified
/* A spinner announces that it waits, then polls a flag 200 times and gives
 * up; the other thread reads the announcement and stores the flag.  In
 * the bug twin the other thread reads before it stores: the spinner may
 * give up although the other read no announcement (its load before the
 * spinner's store, the spinner's polls all before its store of the flag).
 * weft verified it: the give-up probes' place key left the spinner's own
 * steps out, so the cut where the other thread's load came before the
 * spinner's store shared its key with the cut where it came after, which
 * was met first (a review of the keys found it).  Here the other thread
 * stores the flag first: a spinner that gave up polled before that
 * store, so the load comes after its announcement. */
#ifndef KEY_BUG
#define STORE_FIRST
#endif
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int waiting, flag, gave_up;
int seen = -1;

static void *spinner(void *arg)
{
	(void)arg;
	atomic_store(&waiting, 1);
	for (int i = 0; i < 200; i++)
		if (atomic_load(&flag))
			return NULL;
	atomic_store(&gave_up, 1);
	return NULL;
}

static void *other(void *arg)
{
	(void)arg;
#ifdef STORE_FIRST
	atomic_store(&flag, 1);
	seen = atomic_load(&waiting);
#else
	seen = atomic_load(&waiting);
	atomic_store(&flag, 1);
#endif
	return NULL;
}

int main(void)
{
	pthread_t s, o;

	pthread_create(&s, NULL, spinner, NULL);
	pthread_create(&o, NULL, other, NULL);
	pthread_join(s, NULL);
	pthread_join(o, NULL);
	assert(!(atomic_load(&gave_up) && seen == 0));
	return 0;
}
