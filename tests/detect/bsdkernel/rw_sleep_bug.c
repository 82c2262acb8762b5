// rwlock(9): "threads ... must not sleep while holding an rw lock"
// (WITNESS: "sleeping with non-sleepable lock"); an sx(9) lock may be
// held across a sleep.  weft checked only the mutexes a sleeping thread
// held, so pause(), msleep() on another mutex and malloc(M_WAITOK) with
// an rw lock held came out verified (only sx_xlock and taskqueue_drain
// were reported); rw_sleep_ok.c holds an sx lock instead.
//! expect(pause_held): bug misuse
//! expect(msleep_read_held): bug misuse
//! expect(malloc_held): bug misuse
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/malloc.h>
#include <sys/mutex.h>
#include <sys/rwlock.h>
#include <sys/sx.h>

static struct rwlock rw;
static struct sx sx;
static struct mtx m;
static int chan;

#ifdef OK
#define HOLD() sx_xlock(&sx)
#define HOLD_READ() sx_slock(&sx)
#define DROP() sx_xunlock(&sx)
#define DROP_READ() sx_sunlock(&sx)
#else
#define HOLD() rw_wlock(&rw)
#define HOLD_READ() rw_rlock(&rw)
#define DROP() rw_wunlock(&rw)
#define DROP_READ() rw_runlock(&rw)
#endif

static void init(void)
{
	rw_init(&rw, "rw");
	sx_init(&sx, "sx");
	mtx_init(&m, "m", NULL, MTX_DEF);
}

WEFT_TEST(pause_held)
{
	init();
	HOLD();
	pause("wait", 1);
	DROP();
}

WEFT_TEST(msleep_read_held)
{
	init();
	HOLD_READ();
	mtx_lock(&m);
	msleep(&chan, &m, 0, "wait", 1);
	mtx_unlock(&m);
	DROP_READ();
}

WEFT_TEST(malloc_held)
{
	void *p;

	init();
	HOLD();
	p = malloc(64, M_DEVBUF, M_WAITOK);
	DROP();
	free(p, M_DEVBUF);
}
