//! expect: bug misuse
//! args: --strategy=dfs
/* The classic lost wakeup: the consumer tests the flag and then sleeps
 * without an interlock, so the producer's wakeup can come in between and
 * the consumer sleeps forever.  FreeBSD's _sleep asserts against an
 * untimed sleep with neither an interlock nor Giant ("sleeping without a
 * lock"), so weft reports that misuse at the tsleep before the schedule
 * that loses the wakeup (it expected the deadlock before). */
#include <weft/freebsd.h>

static weft_atomic_t ready;

static void producer(void *arg)
{
	(void)arg;
	weft_atomic_store(&ready, 1);
	wakeup(&ready);
}

WEFT_TEST(lost_wakeup)
{
	weft_thread_t t = weft_spawn(producer, NULL);

	if (!weft_atomic_load(&ready))
		tsleep(&ready, PWAIT, "ready", 0); /* BUG: no interlock */
	weft_join(t);
}
