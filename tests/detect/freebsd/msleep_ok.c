//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* msleep with the mutex that protects the condition as interlock: the
 * mutex is released only once the sleeper is on the sleep queue, so no
 * wakeup is lost, and the condition is re-checked in a loop. */
#include <weft/freebsd.h>

static struct mtx q_mtx;
static int ready, consumed;

static void producer(void *arg)
{
	(void)arg;
	mtx_lock(&q_mtx);
	ready = 1;
	wakeup(&ready);
	mtx_unlock(&q_mtx);
}

WEFT_TEST(msleep_interlock)
{
	weft_thread_t t;

	mtx_init(&q_mtx, "q_mtx", NULL, MTX_DEF);
	t = weft_spawn(producer, NULL);
	mtx_lock(&q_mtx);
	while (!ready)
		msleep(&ready, &q_mtx, PWAIT, "ready", 0);
	mtx_assert(&q_mtx, MA_OWNED);
	consumed = 1;
	mtx_unlock(&q_mtx);
	weft_join(t);
	mtx_destroy(&q_mtx);
}

/* A timed sleep returns 0 only when woken, EWOULDBLOCK when it timed out;
 * the timeout may fire before or after the wakeup. */
WEFT_TEST(msleep_timeout)
{
	weft_thread_t t;
	int e;

	mtx_init(&q_mtx, "q_mtx", NULL, MTX_DEF);
	t = weft_spawn(producer, NULL);
	mtx_lock(&q_mtx);
	if (!ready) {
		e = msleep(&ready, &q_mtx, PWAIT, "ready", hz);
		weft_assert(e == 0 || e == EWOULDBLOCK);
		if (e == 0)
			weft_assert(ready);
	}
	mtx_unlock(&q_mtx);
	weft_join(t);
	mtx_destroy(&q_mtx);
}

/* wakeup_one wakes one sleeper at a time; PDROP returns without the
 * interlock. */
static int tokens;

static void sleeper(void *arg)
{
	(void)arg;
	mtx_lock(&q_mtx);
	while (!tokens)
		msleep(&tokens, &q_mtx, PWAIT | PDROP, "token", 0),
			mtx_lock(&q_mtx);
	tokens--;
	mtx_unlock(&q_mtx);
}

WEFT_TEST(wakeup_one_tokens)
{
	weft_thread_t a, b;

	mtx_init(&q_mtx, "q_mtx", NULL, MTX_DEF);
	a = weft_spawn(sleeper, NULL);
	b = weft_spawn(sleeper, NULL);
	for (int i = 0; i < 2; i++) {
		mtx_lock(&q_mtx);
		tokens++;
		wakeup_one(&tokens);
		mtx_unlock(&q_mtx);
	}
	weft_join(a);
	weft_join(b);
	weft_assert(tokens == 0);
	mtx_destroy(&q_mtx);
}
