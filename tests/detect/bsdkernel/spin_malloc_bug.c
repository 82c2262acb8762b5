//! expect(malloc_nowait_under_spin): bug misuse
//! expect(free_under_spin): bug misuse
/* A held spin mutex is a critical section in FreeBSD (mtx_lock_spin runs
 * spinlock_enter): UMA asserts under INVARIANTS that malloc and free are
 * not called there, M_NOWAIT or not ("called with spinlock or critical
 * section held").  Both were verified; critical_enter's section was
 * checked, a spin mutex's was not (a gap the fortieth session left).
 * spin_malloc_ok.c allocates before taking the spin mutex and frees after
 * dropping it. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>

struct ring {
	struct mtx lock;
	void *slot;
};

static struct ring r;

static void producer(void *arg)
{
	void *p;

	(void)arg;
#ifdef OK
	p = malloc(32, M_DEVBUF, M_NOWAIT);
	mtx_lock_spin(&r.lock);
	if (!r.slot) {
		r.slot = p;
		p = NULL;
	}
	mtx_unlock_spin(&r.lock);
	free(p, M_DEVBUF);
#else
	mtx_lock_spin(&r.lock);
	if (!r.slot)
		r.slot = malloc(32, M_DEVBUF, M_NOWAIT);
	mtx_unlock_spin(&r.lock);
	(void)p;
#endif
}

static void consumer(void *arg)
{
	void *p;

	(void)arg;
	mtx_lock_spin(&r.lock);
	p = r.slot;
	r.slot = NULL;
#ifdef OK
	mtx_unlock_spin(&r.lock);
	free(p, M_DEVBUF);
#else
	free(p, M_DEVBUF);
	mtx_unlock_spin(&r.lock);
#endif
}

WEFT_TEST(malloc_nowait_under_spin)
{
	weft_thread_t t;

	mtx_init(&r.lock, "ring", NULL, MTX_SPIN);
	r.slot = NULL;
	t = weft_spawn(producer, NULL);
	weft_join(t);
	free(r.slot, M_DEVBUF);
	mtx_destroy(&r.lock);
}

WEFT_TEST(free_under_spin)
{
	weft_thread_t t;

	mtx_init(&r.lock, "ring", NULL, MTX_SPIN);
	r.slot = malloc(32, M_DEVBUF, M_WAITOK);
	t = weft_spawn(consumer, NULL);
	weft_join(t);
	mtx_destroy(&r.lock);
}
