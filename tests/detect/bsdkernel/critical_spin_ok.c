// Correct: a spin mutex taken inside and outside critical sections.  The
// holder of a spin mutex waited at critical_enter for the section of a
// thread of its CPU that spun on the mutex: a false deadlock (a review's
// probe).  A held spin mutex is a section already; its holder passes.
// Threads 1 and 3 share virtual CPU 1 (tid mod 2).
//! expect: verified
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>

static struct mtx m;
static int stat;

static void a(void *arg)
{
	(void)arg;
	mtx_lock_spin(&m);
	critical_enter();
	stat++;
	critical_exit();
	mtx_unlock_spin(&m);
}

static void b(void *arg)
{
	(void)arg;
	critical_enter();
	mtx_lock_spin(&m);
	stat++;
	mtx_unlock_spin(&m);
	critical_exit();
}

static void idle(void *arg) { (void)arg; }

WEFT_TEST(crit_spin)
{
	weft_thread_t t1, t2, t3;

	mtx_init(&m, "m", NULL, MTX_SPIN);
	t1 = weft_spawn(a, NULL);
	t2 = weft_spawn(idle, NULL);
	t3 = weft_spawn(b, NULL);
	weft_join(t1);
	weft_join(t2);
	weft_join(t3);
	KASSERT(stat == 2, ("lost"));
	mtx_destroy(&m);
}
