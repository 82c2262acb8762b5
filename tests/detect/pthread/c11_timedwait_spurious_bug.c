//! expect: bug assertion
//! args: --strategy=dfs
/* timedwait_spurious_bug.c with C11 threads: cnd_timedwait may return
 * thrd_success on a spurious wakeup, so the caller that trusts it without
 * re-checking its predicate can see ready == 0.  Twin:
 * c11_timedwait_spurious_ok.c. */
#include <assert.h>
#include <threads.h>
#include <time.h>

static mtx_t m;
static cnd_t c;
static int ready;

static int producer(void *a)
{
	(void)a;
	mtx_lock(&m);
	ready = 1;
	cnd_signal(&c);
	mtx_unlock(&m);
	return 0;
}

int main(void)
{
	thrd_t p;

	mtx_init(&m, mtx_plain);
	cnd_init(&c);
	thrd_create(&p, producer, NULL);
	mtx_lock(&m);
	if (!ready) {
		struct timespec ts;
		timespec_get(&ts, TIME_UTC);
		ts.tv_sec += 5;
		if (cnd_timedwait(&c, &m, &ts) == thrd_success)
			assert(ready);
	}
	mtx_unlock(&m);
	thrd_join(p, NULL);
	return 0;
}
