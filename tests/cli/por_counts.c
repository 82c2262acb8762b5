/* Partial-order reduction against known counts: N threads on disjoint
 * locks have one Mazurkiewicz trace; N threads each taking one shared lock
 * once have N! (the orders of the critical sections). */
#include <weft/weft.h>

#define N 4
static weft_mutex_t locks[N];
static weft_mutex_t one = WEFT_MUTEX_INIT;

static void disjoint(void *arg)
{
	weft_mutex_t *m = arg;
	weft_mutex_lock(m);
	weft_mutex_unlock(m);
}

static void same(void *arg)
{
	(void)arg;
	weft_mutex_lock(&one);
	weft_mutex_unlock(&one);
}

WEFT_TEST(disjoint_locks)
{
	weft_thread_t t[N];
	for (int i = 0; i < N; i++)
		t[i] = weft_spawn(disjoint, &locks[i]);
	for (int i = 0; i < N; i++)
		weft_join(t[i]);
}

WEFT_TEST(same_lock)
{
	weft_thread_t t[N];
	for (int i = 0; i < N; i++)
		t[i] = weft_spawn(same, NULL);
	for (int i = 0; i < N; i++)
		weft_join(t[i]);
}

static void same3(void *arg)
{
	same(arg);
}

WEFT_TEST(same_lock_3)
{
	weft_thread_t t[3];
	for (int i = 0; i < 3; i++)
		t[i] = weft_spawn(same3, NULL);
	for (int i = 0; i < 3; i++)
		weft_join(t[i]);
}
