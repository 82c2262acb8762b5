// A driver's global list lock is set up at boot by MTX_SYSINIT, which
// weft's tree did not have (a cryptic syntax error: a FreeBSD probe); it
// is a constructor now that runs mtx_init before the test.  The bug twin
// forgets it, so its mtx_lock is of a mutex never initialised; the
// correct twin (mtx_sysinit_ok.c) has it, and two threads count under
// the lock in every execution.
//! expect: bug misuse
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>

static struct mtx drv_list_mtx;
#ifdef OK
MTX_SYSINIT(drv_list, &drv_list_mtx, "drv list", MTX_DEF);
#endif
static int ndevs;

static void attach(void *arg)
{
	(void)arg;
	mtx_lock(&drv_list_mtx);
	ndevs++;
	mtx_unlock(&drv_list_mtx);
}

WEFT_TEST(mtx_sysinit)
{
	weft_thread_t t = weft_spawn(attach, NULL);

	attach(NULL);
	weft_join(t);
	KASSERT(ndevs == 2, ("lost an attach"));
}
