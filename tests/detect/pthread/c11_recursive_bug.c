//! expect: bug assertion
//! args: --strategy=dfs
/* As c11_recursive_ok.c, but main enters the critical section without
 * locking the recursive mutex (it only takes it inside the helper), so
 * the worker can find main inside. */
#include <assert.h>
#include <stdio.h>
#include <threads.h>

static mtx_t rm;
static _Atomic int inside;
static int total;

static void add(int v)
{
	mtx_lock(&rm);
	total += v;
	mtx_unlock(&rm);
}

static int worker(void *arg)
{
	(void)arg;
	mtx_lock(&rm);
	assert(inside == 0);
	inside = 1;
	thrd_yield();
	add(2);
	inside = 0;
	mtx_unlock(&rm);
	return 0;
}

int main(void)
{
	thrd_t t;

	if (mtx_init(&rm, mtx_plain | mtx_recursive) != thrd_success)
		return 1;
	thrd_create(&t, worker, NULL);
	inside = 1; /* forgot mtx_lock(&rm) before entering */
	thrd_yield();
	add(1);
	inside = 0;
	thrd_join(t, NULL);
	mtx_destroy(&rm);
	printf("total = %d\n", total);
	return 0;
}
