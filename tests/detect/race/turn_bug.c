//! expect: bug data-race
//! args: --strategy=dfs --preemption-bound=unbounded
/* The turn of a lock-protected counter, the race check's commonest cells
 * (race_shadow.c's quick_turn: a granule whose only record is its last
 * write, and a write after the same thread's read of the epoch), with one
 * increment made without the lock after the loop: it races with the other
 * thread's locked increments whichever way the two loops interleave, and
 * the cells it meets are the ones quick_turn settles when the accesses
 * are ordered.  No assertion on the count here: the lost update it would
 * catch must not stand in for the race.  The correct twin is turn_ok.c. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static long counter;

static void locked(void *arg)
{
	(void)arg;
	for (int i = 0; i < 3; i++) {
		weft_mutex_lock(&m);
		counter++;
		weft_mutex_unlock(&m);
	}
}

static void then_unlocked(void *arg)
{
	locked(arg);
#ifndef TURN_OK
	counter++;
#else
	weft_mutex_lock(&m);
	counter++;
	weft_mutex_unlock(&m);
#endif
}

WEFT_TEST(turn)
{
	weft_thread_t a = weft_spawn(then_unlocked, NULL);
	weft_thread_t b = weft_spawn(locked, NULL);
	weft_join(a);
	weft_join(b);
#ifdef TURN_OK
	weft_assert(counter == 7);
#endif
}
