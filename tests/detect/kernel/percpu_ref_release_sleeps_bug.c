// A css-like object is reference counted with a percpu_ref.  Its release
// callback unlinks the object under a mutex.  But the release runs from
// the RCU callback that ends percpu_ref_kill()'s switch to atomic mode
// (softirq context) whenever the users have all put their references by
// then: mutex_lock() there is "sleeping function called from invalid
// context".  weft ran the release inside percpu_ref_kill(), in the
// killer's context, and verified it (found by a probe of percpu_ref).
// percpu_ref_release_sleeps_ok.c does as cgroup does (css_release): the
// release queues a work that does the unlinking.
//! expect: bug misuse
#include <linux/percpu-refcount.h>
#include <linux/workqueue.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/completion.h>

struct css {
	struct percpu_ref refcnt;
	struct list_head sibling;
	struct work_struct release_work;
};
static DEFINE_MUTEX(cgroup_mutex);
static LIST_HEAD(children);
static DECLARE_COMPLETION(freed);

static void css_free(struct css *c)
{
	mutex_lock(&cgroup_mutex);
	list_del(&c->sibling);
	mutex_unlock(&cgroup_mutex);
	percpu_ref_exit(&c->refcnt);
	kfree(c);
	complete(&freed);
}

#ifdef OK
static void css_release_work_fn(struct work_struct *w)
{
	css_free(container_of(w, struct css, release_work));
}
#endif

static void css_release(struct percpu_ref *ref)
{
	struct css *c = container_of(ref, struct css, refcnt);
#ifdef OK
	INIT_WORK(&c->release_work, css_release_work_fn);
	queue_work(system_wq, &c->release_work);
#else
	css_free(c);
#endif
}

WEFT_TEST(kill_css)
{
	struct css *c = kzalloc(sizeof(*c), GFP_KERNEL);

	percpu_ref_init(&c->refcnt, css_release, 0, GFP_KERNEL);
	mutex_lock(&cgroup_mutex);
	list_add(&c->sibling, &children);
	mutex_unlock(&cgroup_mutex);
	percpu_ref_get(&c->refcnt);	/* a user */
	percpu_ref_put(&c->refcnt);
	percpu_ref_kill(&c->refcnt);
	wait_for_completion(&freed);
}
