//! expect: bug misuse
/* A user thread takes the device's mutex and signals that it has
 * started; the owner waits for the signal and tears the device down,
 * mutex_destroy and kfree, while the user may still hold the mutex.
 * mutex_destroy was a check with no step: it ran after the user's unlock
 * in every schedule the search tried, and this was verified in one
 * schedule (random schedules found it).  It is a step on the mutex now.
 * mutex_destroy_held_ok.c signals after the unlock. */
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct dev {
	struct mutex m;
	struct completion started;
	int users;
};

static void user(void *arg)
{
	struct dev *d = arg;

	mutex_lock(&d->m);
	d->users++;
#ifndef OK
	complete(&d->started);
#endif
	mutex_unlock(&d->m);
#ifdef OK
	complete(&d->started);
#endif
}

WEFT_TEST(mutex_destroy_held)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	mutex_init(&d->m);
	init_completion(&d->started);
	weft_thread_t t = weft_spawn(user, d);
	wait_for_completion(&d->started);
	mutex_destroy(&d->m);
	weft_join(t);
	kfree(d);
}
