/* Twin of mtx_deep_bug.c: ten FreeBSD mutexes held at once by each of two
 * threads, in the same order, the innermost taken recursively; nothing
 * sleeps under them.  More than the eight the model once capped at. */
//! args: --strategy=dfs
//! expect: verified
#include <weft/freebsd.h>

static struct mtx m[10];
static const char *names[10] = { "m0", "m1", "m2", "m3", "m4",
				 "m5", "m6", "m7", "m8", "m9" };
static int shared;

static void nest(void *arg)
{
	(void)arg;
	for (int i = 0; i < 10; i++)
		mtx_lock(&m[i]);
	mtx_lock(&m[9]);
	shared++;
	mtx_assert(&m[9], MA_OWNED | MA_RECURSED);
	mtx_unlock(&m[9]);
	for (int i = 9; i >= 0; i--)
		mtx_unlock(&m[i]);
}

WEFT_TEST(deep_nest)
{
	weft_thread_t t;

	for (int i = 0; i < 9; i++)
		mtx_init(&m[i], names[i], NULL, MTX_DEF);
	mtx_init(&m[9], names[9], NULL, MTX_DEF | MTX_RECURSE);
	t = weft_spawn(nest, NULL);
	nest(NULL);
	weft_join(t);
	weft_assert(shared == 2);
}
