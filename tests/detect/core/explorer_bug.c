//! expect(nested_spawn_two_preemptions): bug assertion
//! expect(waiter_is_not_preempted): bug assertion
//! expect(choose_300_values): bug assertion
/* Regressions found in review, each once verified wrongly by the default
 * search: a bug needing 2 preemptions hidden by sleep sets under the
 * bound; leaving a thread that waits in cond_wait (runnable only by a
 * spurious wakeup) counted as a preemption; weft_choose above 256 values. */
#include <weft/weft.h>

static weft_atomic_t x = WEFT_ATOMIC_INIT(0);
static void leaf(void *a) { (void)a; weft_atomic_store(&x, 2); }
static void mid(void *a) { (void)a;
	weft_thread_t t = weft_spawn(leaf, 0);
	weft_atomic_store(&x, 1);
	weft_join(t);
}
static void obs(void *a) { (void)a; long v = weft_atomic_load(&x); long w = weft_atomic_load(&x); weft_assert(!(v == 2 && w == 1)); }
WEFT_TEST(nested_spawn_two_preemptions)
{
	weft_thread_t m = weft_spawn(mid, 0), o = weft_spawn(obs, 0);
	weft_join(m); weft_join(o);
}

static weft_mutex_t m = WEFT_MUTEX_INIT;
static weft_cond_t c = WEFT_COND_INIT;
static weft_sem_t s = WEFT_SEM_INIT(0), s2 = WEFT_SEM_INIT(0);
static weft_atomic_t cx = WEFT_ATOMIC_INIT(0);
static int f, g;
static void A(void *a) { (void)a;
	weft_mutex_lock(&m);
	weft_sem_post(&s);
	while (!f) weft_cond_wait(&c, &m);
	weft_mutex_unlock(&m);
	weft_mutex_lock(&m);
	weft_sem_post(&s2);
	while (!g) weft_cond_wait(&c, &m);
	weft_mutex_unlock(&m);
	long v = weft_atomic_load(&cx);
	weft_atomic_store(&cx, v + 1);
}
static void B(void *a) { (void)a;
	weft_sem_wait(&s);
	weft_mutex_lock(&m);
	f = 1;
	weft_cond_signal(&c);
	weft_mutex_unlock(&m);
	weft_sem_wait(&s2);
	weft_mutex_lock(&m);
	g = 1;
	weft_cond_signal(&c);
	weft_mutex_unlock(&m);
	long v = weft_atomic_load(&cx);
	weft_atomic_store(&cx, v + 1);
}
WEFT_TEST(waiter_is_not_preempted)
{
	weft_thread_t a = weft_spawn(A, 0), b = weft_spawn(B, 0);
	weft_join(a); weft_join(b);
	weft_assert(weft_atomic_load(&cx) == 2);
}

WEFT_TEST(choose_300_values)
{
	int v = weft_choose(300);
	weft_assert(v != 299);
}
