//! expect: bug livelock
/* Polling with a timed sleep between rounds.  The ok twin
 * (ticks_poll_ok.c) waits one second the way drivers do,
 * `while (ticks < end) tsleep(..., 1)`: each timeout moves ticks on by a
 * tick, so the loop ends and the test verifies.  The timeouts never moved
 * ticks, and that loop was a false livelock (a FreeBSD probe).  This
 * twin polls a flag that no thread sets, a real hang. */
#include <weft/freebsd.h>

static int chan;
#ifndef FIXED
static int flag;
#endif

WEFT_TEST(ticks_poll)
{
#ifdef FIXED
	int end = ticks + hz;

	while ((int)(ticks - end) < 0)
		(void)tsleep(&chan, 0, "w", 1);
#else
	while (!flag)
		(void)tsleep(&chan, 0, "w", 1);
#endif
}
