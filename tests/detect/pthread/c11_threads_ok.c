//! expect: verified
//! args: --strategy=dfs
/* The C11 <threads.h> API under weft: two threads add to a counter under
 * an mtx_t, wait on a cnd_t for a flag, run a call_once initialiser,
 * keep a tss_t value whose destructor runs at thrd_exit, and return
 * results through thrd_join.  The buggy twin, c11_threads_bug.c, drops
 * the mutex and loses updates. */
#include <assert.h>
#include <stdio.h>
#include <threads.h>

static mtx_t lock;
static cnd_t ready_cv;
static once_flag once = ONCE_FLAG_INIT;
static tss_t key;
static int counter, ready, inits, freed;

static void init(void)
{
	inits++;
}

static void dtor(void *v)
{
	mtx_lock(&lock);
	freed += *(int *)v;
	mtx_unlock(&lock);
}

static int worker(void *arg)
{
	static int one = 1;
	int id = *(int *)arg;

	call_once(&once, init);
	assert(tss_get(key) == NULL);
	tss_set(key, &one);
	mtx_lock(&lock);
	while (!ready)
		cnd_wait(&ready_cv, &lock);
	counter++;
	mtx_unlock(&lock);
	thrd_yield();
	if (id == 1)
		thrd_exit(11);
	return 10;
}

int main(void)
{
	int ids[2] = { 0, 1 }, r0 = 0, r1 = 0;
	thrd_t t[2];
	struct timespec nap = { 0, 1000 };

	assert(mtx_init(&lock, mtx_plain) == thrd_success);
	assert(cnd_init(&ready_cv) == thrd_success);
	assert(tss_create(&key, dtor) == thrd_success);
	for (int i = 0; i < 2; i++)
		assert(thrd_create(&t[i], worker, &ids[i]) == thrd_success);
	assert(!thrd_equal(t[0], t[1]) && !thrd_equal(t[0], thrd_current()));
	thrd_sleep(&nap, NULL);
	mtx_lock(&lock);
	ready = 1;
	cnd_broadcast(&ready_cv);
	mtx_unlock(&lock);
	assert(thrd_join(t[0], &r0) == thrd_success);
	assert(thrd_join(t[1], &r1) == thrd_success);
	assert(r0 == 10 && r1 == 11);
	assert(counter == 2 && inits == 1 && freed == 2);
	tss_delete(key);
	cnd_destroy(&ready_cv);
	mtx_destroy(&lock);
	printf("counter = %d\n", counter);
	return 0;
}
