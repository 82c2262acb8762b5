// A module's exit destroys its connection cache while a worker still
// holds a connection from it (it frees it after the destroy, or never):
// the kernel warns "Slab cache still has objects" and the object points
// into a destroyed cache.  weft reported nothing when the object was
// never freed afterwards (a probe of kernel patterns).
// cache_destroy_live_ok.c waits for the worker, which frees its
// connection (with kfree, which the kernel allows for cache objects),
// before the destroy.
//! expect: bug misuse
//! args: --strategy=dfs
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/slab.h>

struct conn {
	int id;
};
static struct kmem_cache *conn_cache;
static DECLARE_COMPLETION(worker_done);
#ifndef FIXED
static struct conn *kept;
#endif

static int worker(void *arg)
{
	struct conn *c = kmem_cache_zalloc(conn_cache, GFP_KERNEL);

	(void)arg;
	c->id = 1;
#ifdef FIXED
	kfree(c);
#else
	kept = c; /* leaked into a global */
#endif
	complete(&worker_done);
	return 0;
}

WEFT_TEST(cache_destroy_live)
{
	struct task_struct *t;

	conn_cache = KMEM_CACHE(conn, 0);
	t = kthread_create(worker, NULL, "conn_worker");
	get_task_struct(t);
	wake_up_process(t);
	wait_for_completion(&worker_done);
	kthread_stop(t);
	put_task_struct(t);
	kmem_cache_destroy(conn_cache);
}
