//! expect: bug assertion
/* C11 7.28.3.5: cnd_timedwait returns thrd_timedout when the time given
 * was reached.  weft's C11 timed wait left the virtual clock before the
 * deadline, and a caller's check that it had passed failed (a probe's
 * false alarm; c11_timedwait_clock_ok.c).  This caller assumes the
 * opposite, that a timeout leaves time before the deadline. */
#include <assert.h>
#include <threads.h>
#include <time.h>

static mtx_t m;
static cnd_t c;

int main(void)
{
	struct timespec dl, now;

	mtx_init(&m, mtx_plain);
	cnd_init(&c);
	timespec_get(&dl, TIME_UTC);
	dl.tv_sec += 1;
	mtx_lock(&m);
	if (cnd_timedwait(&c, &m, &dl) == thrd_timedout) {
		timespec_get(&now, TIME_UTC);
#ifdef OK
		assert(now.tv_sec > dl.tv_sec ||
		       (now.tv_sec == dl.tv_sec && now.tv_nsec >= dl.tv_nsec));
#else
		assert(now.tv_sec < dl.tv_sec);
#endif
	}
	mtx_unlock(&m);
	return 0;
}
