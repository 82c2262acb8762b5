//! expect: verified unexplored=lb_unexplored,reuse_unexplored
//! args: --strategy=dfs
/* A lock-free fast path keyed by a pointer's value: the reader caches a
 * value read from the current config and returns it, without a lock,
 * while atomic_load(&cur) still equals the config it cached from (it
 * never dereferences a freed block).  The writer replaces the config
 * twice, freeing the old one each time; glibc's tcache gives the second
 * new config the first one's address, so the reader takes the changed
 * config for the old one and returns a stale value (a probe: verified
 * with no word, failing natively).  The tracked heap never reuses an
 * address in an execution, so weft cannot find it; the verdict says so
 * (reuse_unexplored).  The twin keeps the config a plain pointer under
 * the lock and keys the cache by a generation: no atomic holds an
 * address, and no clause. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct cfg { int val; };
#ifdef OK
static struct cfg *cur;
#define CUR() cur
#define SET(n) (cur = (n))
#else
static _Atomic(struct cfg *) cur;
#define CUR() atomic_load_explicit(&cur, memory_order_relaxed)
#define SET(n) atomic_store_explicit(&cur, (n), memory_order_release)
#endif
static atomic_uint gen;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *writer(void *a)
{
	(void)a;
	for (int k = 2; k <= 3; k++) {
		pthread_mutex_lock(&m);
		struct cfg *old = CUR();
		struct cfg *n = malloc(sizeof *n);
		n->val = k;
		SET(n);
		atomic_fetch_add_explicit(&gen, 1, memory_order_release);
		free(old);
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

static void *reader(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	struct cfg *seen = CUR();
	unsigned seen_gen = atomic_load_explicit(&gen, memory_order_relaxed);
	int cached = seen->val, result;
	pthread_mutex_unlock(&m);
#ifdef OK
	unsigned g = atomic_load_explicit(&gen, memory_order_acquire);
	int fast = g == seen_gen;
#else
	struct cfg *p = atomic_load_explicit(&cur, memory_order_acquire);
	int fast = p == seen;
	(void)seen_gen;
#endif
	if (fast) {
		result = cached;
	} else {
		pthread_mutex_lock(&m);
		result = CUR()->val;
		pthread_mutex_unlock(&m);
	}
	/* While the key still matches, the result must be current. */
	pthread_mutex_lock(&m);
#ifdef OK
	if (fast && atomic_load_explicit(&gen, memory_order_relaxed) == g)
#else
	if (fast && CUR() == p)
#endif
		assert(CUR()->val == result);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	struct cfg *c = malloc(sizeof *c);

	c->val = 1;
	SET(c);
	pthread_create(&a, NULL, reader, NULL);
	pthread_create(&b, NULL, writer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	free(CUR());
	return 0;
}
