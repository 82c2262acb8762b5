//! args: --iterations=50
/* Pins the one-line results: verified with its bound, verified with no
 * bound needed, pass with its execution count, and a lock-order finding
 * from an execution that did not deadlock. */
#include <weft/weft.h>

static weft_mutex_t a = WEFT_MUTEX_INIT, b = WEFT_MUTEX_INIT;
static weft_atomic_t x;

static void adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < 3; i++)
		weft_atomic_fetch_add(&x, 1);
}

WEFT_TEST(small_verified)
{
	weft_thread_t t = weft_spawn(adder, NULL);
	weft_atomic_fetch_add(&x, 10);
	weft_join(t);
	weft_assert(weft_atomic_load(&x) == 13);
}

static weft_atomic_t done;

static void ab(void *arg)
{
	(void)arg;
	weft_mutex_lock(&a);
	weft_mutex_lock(&b);
	weft_mutex_unlock(&b);
	weft_mutex_unlock(&a);
	weft_atomic_store(&done, 1);
}

/* The inverted order waits for a flag, not a join: lockdep's rule (and
 * weft's) is that only thread creation and join order the two, so the
 * inversion is reported although this handshake keeps it from hanging. */
WEFT_TEST(order_inverted)
{
	weft_thread_t t = weft_spawn(ab, NULL);
	while (!weft_atomic_load(&done))
		weft_yield();
	weft_mutex_lock(&b);
	weft_mutex_lock(&a);
	weft_mutex_unlock(&a);
	weft_mutex_unlock(&b);
	weft_join(t);
}

static void worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 4; i++) {
		weft_mutex_lock(&a);
		weft_atomic_fetch_add(&x, 1);
		weft_mutex_unlock(&a);
	}
}

WEFT_TEST(budget_runs_out)
{
	weft_thread_t t[3];
	for (int i = 0; i < 3; i++)
		t[i] = weft_spawn(worker, NULL);
	for (int i = 0; i < 3; i++)
		weft_join(t[i]);
}
