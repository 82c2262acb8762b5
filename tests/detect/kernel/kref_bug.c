// A lookup takes a reference with kref_get() while the last kref_put()
// races it: the lookup revives an object that is being released.
//! expect: bug refcount
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/kthread.h>

struct session {
	struct kref ref;
	int id;
};
static DEFINE_MUTEX(table_lock);
static struct session *table;

static void session_release(struct kref *ref)
{
	struct session *s = container_of(ref, struct session, ref);

	mutex_lock(&table_lock);
	if (table == s)
		table = NULL;
	mutex_unlock(&table_lock);
	kfree(s);
}

static int user(void *arg)
{
	struct session *s;

	(void)arg;
	mutex_lock(&table_lock);
	s = table;
	if (s)
		kref_get(&s->ref);
	mutex_unlock(&table_lock);
	if (s)
		kref_put(&s->ref, session_release);
	return 0;
}

WEFT_TEST(lookup_races_put)
{
	struct session *s = kzalloc(sizeof(*s), GFP_KERNEL);
	struct task_struct *t;

	kref_init(&s->ref);
	table = s;
	t = kthread_create(user, NULL, "user");
	get_task_struct(t);
	wake_up_process(t);
	kref_put(&s->ref, session_release);
	kthread_stop(t);
	put_task_struct(t);
}
