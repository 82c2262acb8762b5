//! needs: pthread
//! args: --strategy=dfs
/* Pins the report of a deadlock through a completion whose completer
 * weft cannot name: it is completed in a release callback (kref_put),
 * a function no blocked thread is in, so the waiter's line says so
 * instead of guessing, and no cycle is drawn.  (The Linux models: the
 * core-only builds leave it out, as the pthread layer.) */
#include <weft/linux.h>

struct obj {
	struct kref ref;
	struct completion released;
};

static DEFINE_MUTEX(m);
static struct obj o;

static void rel(struct kref *k)
{
	complete(&container_of(k, struct obj, ref)->released);
}

static void user(void *arg)
{
	(void)arg;
	mutex_lock(&m);
	kref_put(&o.ref, rel);
	mutex_unlock(&m);
}

WEFT_TEST(release_under_mutex)
{
	weft_thread_t t;

	kref_init(&o.ref);
	init_completion(&o.released);
	kref_get(&o.ref);
	t = weft_spawn(user, NULL);
	mutex_lock(&m);
	kref_put(&o.ref, rel);
	wait_for_completion(&o.released);
	mutex_unlock(&m);
	weft_join(t);
}
