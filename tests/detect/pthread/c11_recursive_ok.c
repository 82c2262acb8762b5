//! expect: verified
//! args: --strategy=dfs
/* A C11 mtx_plain | mtx_recursive mutex: each thread locks it, checks
 * that no other thread is inside, and locks it again from a helper; only
 * its last unlock lets the other thread in.  The buggy twin,
 * c11_recursive_bug.c, has one thread call the helper without the outer
 * lock. */
#include <assert.h>
#include <stdio.h>
#include <threads.h>

static mtx_t rm;
static int inside, total;

static void add(int v)
{
	mtx_lock(&rm);
	total += v;
	mtx_unlock(&rm);
}

static void critical(int v)
{
	mtx_lock(&rm);
	assert(inside == 0);
	inside = 1;
	thrd_yield();
	add(v);
	inside = 0;
	mtx_unlock(&rm);
}

static int worker(void *arg)
{
	(void)arg;
	critical(2);
	return 0;
}

int main(void)
{
	thrd_t t;

	if (mtx_init(&rm, mtx_plain | mtx_recursive) != thrd_success)
		return 1;
	thrd_create(&t, worker, NULL);
	critical(1);
	thrd_join(t, NULL);
	assert(total == 3);
	mtx_destroy(&rm);
	printf("total = %d\n", total);
	return 0;
}
