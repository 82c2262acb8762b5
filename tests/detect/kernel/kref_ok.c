// The fix of kref_bug.c: the lookup uses kref_get_unless_zero, so it
// never revives an object whose count reached zero; and kref_put_mutex,
// which takes the table lock before dropping the last reference.
//! expect: verified
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

static void session_release_locked(struct kref *ref)
{
	struct session *s = container_of(ref, struct session, ref);

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
	if (s && !kref_get_unless_zero(&s->ref))
		s = NULL;
	mutex_unlock(&table_lock);
	if (s)
		kref_put(&s->ref, session_release);
	return 0;
}

WEFT_TEST(lookup_get_unless_zero)
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

WEFT_TEST(put_mutex)
{
	struct session *s = kzalloc(sizeof(*s), GFP_KERNEL);
	struct task_struct *t;

	kref_init(&s->ref);
	table = s;
	t = kthread_create(user, NULL, "user");
	get_task_struct(t);
	wake_up_process(t);
	kref_put_mutex(&s->ref, session_release_locked, &table_lock);
	kthread_stop(t);
	put_task_struct(t);
}
