//! expect(critical_sleep): bug misuse
//! expect(critical_nest): bug misuse
//! expect(critical_nowait): bug misuse
/* critical_enter(9): a thread in a critical section may not sleep
 * (mi_switch panics: "switch in a critical section"), nor take a lock
 * that blocks (WITNESS: "acquiring blockable sleep lock with spinlock or
 * critical section held").  weft's critical_enter and critical_exit did
 * nothing, and a malloc(M_WAITOK) inside a section was verified (found
 * by a probe of the FreeBSD models).  critical_sleep refills a per-CPU
 * cache inside the section with M_WAITOK (the correct twin,
 * critical_sleep_ok.c, allocates before the section: UMA asserts that
 * it is not called in one, whatever the flags, so M_NOWAIT inside is no
 * fix, critical_nowait; both take the stats mutex after the section);
 * critical_nest leaves one section more than it entered. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>

static struct mtx stats_mtx;
static void *cache[2];
static int refills, misses;

static void refill(void *arg)
{
	int cpu = (int)(intptr_t)arg;
	void *p;

#ifdef OK
	void *fresh = malloc(64, M_TEMP, M_WAITOK);

	critical_enter();
	p = cache[cpu] ? NULL : fresh;
	if (p)
		cache[cpu] = p;
	critical_exit();
	if (!p)
		free(fresh, M_TEMP);
#else
	critical_enter();
	p = cache[cpu] ? NULL : malloc(64, M_TEMP, M_WAITOK);
	if (p)
		cache[cpu] = p;
	critical_exit();
#endif
	mtx_lock(&stats_mtx);
	if (p)
		refills++;
	else
		misses++;
	mtx_unlock(&stats_mtx);
}

WEFT_TEST(critical_sleep)
{
	weft_thread_t t;

	mtx_init(&stats_mtx, "stats", NULL, MTX_DEF);
	t = weft_spawn(refill, (void *)(intptr_t)1);
	refill((void *)(intptr_t)0);
	weft_join(t);
	MPASS(refills + misses == 2);
	free(cache[0], M_TEMP);
	free(cache[1], M_TEMP);
	mtx_destroy(&stats_mtx);
}

static int counter;

static void bump(void)
{
	critical_enter();
	counter++;
	critical_exit();
}

WEFT_TEST(critical_nest)
{
	critical_enter();
	bump(); /* nested: the outer section goes on */
	counter++;
	critical_exit();
#ifndef OK
	critical_exit();
#endif
	MPASS(counter == 2);
}

/* M_NOWAIT inside the section: still UMA inside one. */
WEFT_TEST(critical_nowait)
{
	void *p;

#ifdef OK
	p = malloc(16, M_TEMP, M_NOWAIT);
	critical_enter();
	counter += p != NULL;
	critical_exit();
#else
	critical_enter();
	p = malloc(16, M_TEMP, M_NOWAIT);
	critical_exit();
#endif
	free(p, M_TEMP);
}
