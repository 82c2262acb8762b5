// A worker takes an object from the cache, says so, and frees it with
// kfree (which the kernel allows for cache objects); the module's exit
// waits for the word only, then destroys the cache: the destroy may come
// before the kfree, with the object still allocated ("Slab cache still
// has objects").  The check looked at the heap without a step of its
// own, the explorer never tried the destroy before the kfree, and this
// was verified (a review's probe).  cache_destroy_kfree_ok.c joins the
// worker first.
//! expect: bug misuse
//! args: --strategy=dfs
#include <linux/completion.h>
#include <linux/slab.h>

struct conn {
	int id;
};
static struct kmem_cache *conn_cache;
static DECLARE_COMPLETION(got);

static void worker(void *arg)
{
	struct conn *c = kmem_cache_zalloc(conn_cache, GFP_KERNEL);

	(void)arg;
	complete(&got);
	c->id = 1;
	kfree(c);
}

WEFT_TEST(cache_destroy_kfree)
{
	weft_thread_t t;

	conn_cache = KMEM_CACHE(conn, 0);
	t = weft_spawn(worker, NULL);
	wait_for_completion(&got);
#ifdef FIXED
	weft_join(t);
	kmem_cache_destroy(conn_cache);
#else
	kmem_cache_destroy(conn_cache);
	weft_join(t);
#endif
}
