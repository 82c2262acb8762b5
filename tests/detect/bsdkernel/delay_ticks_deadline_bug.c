//! expect: bug assertion
/* A driver polls a status register with DELAY(9) and a one-second ticks
 * deadline.  Nothing sets the register (the hardware never answers), so
 * natively the loop times out as hardclock moves ticks, and this driver's
 * assumption that the device answered fails.  ticks moved only when a
 * callout fired or a timed sleep ended, so the lone poll never timed out
 * and was a false livelock, for this twin and for delay_ticks_deadline_ok.c,
 * which handles the timeout (a review's probe). */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>

static volatile int status_reg;

static int poll_ticks(void)
{
	int end = ticks + hz;

	while (!(status_reg & 1)) {
		if (ticks - end > 0)
			return ETIMEDOUT;
		DELAY(10);
	}
	return 0;
}

WEFT_TEST(delay_ticks_deadline)
{
	int error = poll_ticks();

#ifdef FIXED
	KASSERT(error == 0 || error == ETIMEDOUT, ("poll: %d", error));
#else
	KASSERT(error == 0, ("the device did not answer"));
#endif
}
