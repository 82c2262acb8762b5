//! expect: verified
//! args: --strategy=dfs
/* The correct twin of c11_timedwait_spurious_bug.c: cnd_timedwait in a
 * loop on the predicate, stopping at a timeout (thrd_timedout). */
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
	struct timespec ts;
	int r = thrd_success;

	mtx_init(&m, mtx_plain);
	cnd_init(&c);
	thrd_create(&p, producer, NULL);
	timespec_get(&ts, TIME_UTC);
	ts.tv_sec += 5;
	mtx_lock(&m);
	while (!ready && r != thrd_timedout)
		r = cnd_timedwait(&c, &m, &ts);
	assert(r == thrd_timedout || (r == thrd_success && ready));
	mtx_unlock(&m);
	thrd_join(p, NULL);
	return 0;
}
