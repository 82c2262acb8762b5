//! expect: bug misuse
/* sleep(9): _sleep() asserts
 *     KASSERT(timo != 0 || mtx_owned(&Giant) || lock != NULL,
 *         ("sleeping without a lock"));
 * so an untimed tsleep (or msleep with a NULL interlock) by a thread that
 * holds neither an interlock nor Giant panics under INVARIANTS, whether or
 * not a wakeup could be lost.  Here the waker retries until acknowledged,
 * so no wakeup is lost and weft verifies the program (dfs: 2625
 * schedules); it should report misuse at the tsleep.  The twin sleeps
 * with a timeout, which the assertion allows. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <machine/atomic.h>

static volatile u_int acked;
static char chan;

static void waker(void *arg)
{
	(void)arg;
	while (!atomic_load_acq_int(&acked)) {
		wakeup(&chan);
		pause("w", 1);
	}
}

WEFT_TEST(tsleep_nolock)
{
	weft_thread_t t = weft_spawn(waker, NULL);

#ifdef OK
	tsleep(&chan, 0, "s", hz);
#else
	tsleep(&chan, 0, "s", 0);
#endif
	atomic_store_rel_int(&acked, 1);
	weft_join(t);
}
