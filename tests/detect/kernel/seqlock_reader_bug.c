// A seqlock's reader takes nothing: a writer may run in the middle of its
// read section, and only the retry tells it.  A reader without the retry
// loop sees half an update, and one that dereferences a pointer inside
// the section may follow it into memory the writer has freed.  weft
// modelled the read section as a read lock that kept writers out, and
// verified both (seqlock_reader_ok.c has the fixes).
//! expect(seqlock_no_retry_loop): bug assertion
//! expect(seqlock_deref_freed): bug use-after-free
//! expect(seqcount_no_retry_loop): bug assertion
#include <linux/kthread.h>
#include <linux/seqlock.h>
#include <linux/slab.h>

static DEFINE_SEQLOCK(pos_lock);
static int px, py;

static int writer(void *arg)
{
	(void)arg;
	write_seqlock(&pos_lock);
	px++;
	py++;
	write_sequnlock(&pos_lock);
	return 0;
}

WEFT_TEST(seqlock_no_retry_loop)
{
	struct task_struct *t = kthread_create(writer, NULL, "writer");
	get_task_struct(t);
	wake_up_process(t);
	unsigned seq;
	int x, y;

	seq = read_seqbegin(&pos_lock);
	x = px;
	y = py;
	(void)read_seqretry(&pos_lock, seq); /* the answer is ignored */
	WARN_ON(x != y);
	kthread_stop(t);
	put_task_struct(t);
}

struct cfg {
	int val;
};
static DEFINE_SEQLOCK(cfg_lock);
static struct cfg *cur;

static int replacer(void *arg)
{
	struct cfg *old, *nw = kzalloc(sizeof(*nw), GFP_KERNEL);

	(void)arg;
	nw->val = 2;
	write_seqlock(&cfg_lock);
	old = cur;
	cur = nw;
	write_sequnlock(&cfg_lock);
	kfree(old);
	return 0;
}

WEFT_TEST(seqlock_deref_freed)
{
	struct task_struct *t;
	unsigned seq;
	int v;

	cur = kzalloc(sizeof(*cur), GFP_KERNEL);
	cur->val = 1;
	t = kthread_create(replacer, NULL, "replacer");
	get_task_struct(t);
	wake_up_process(t);
	do {
		seq = read_seqbegin(&cfg_lock);
		v = cur->val; /* cur may be freed under the reader */
	} while (read_seqretry(&cfg_lock, seq));
	WARN_ON(v != 1 && v != 2);
	kthread_stop(t);
	put_task_struct(t);
	kfree(cur);
}

static seqcount_t sc = SEQCNT_ZERO(sc);
static DEFINE_SPINLOCK(sc_lock);
static int a, b;

static int sc_writer(void *arg)
{
	(void)arg;
	spin_lock(&sc_lock);
	write_seqcount_begin(&sc);
	a++;
	b++;
	write_seqcount_end(&sc);
	spin_unlock(&sc_lock);
	return 0;
}

WEFT_TEST(seqcount_no_retry_loop)
{
	struct task_struct *t = kthread_create(sc_writer, NULL, "writer");
	get_task_struct(t);
	wake_up_process(t);
	unsigned seq;
	int x, y;

	seq = read_seqcount_begin(&sc);
	x = a;
	y = b;
	(void)seq;
	WARN_ON(x != y);
	kthread_stop(t);
	put_task_struct(t);
}
