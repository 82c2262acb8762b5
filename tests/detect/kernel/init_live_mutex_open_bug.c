// A char driver that (re)initialises its device mutex in open(): a second
// open while the first opener holds the mutex resets it, and both enter
// the critical section.  Verified in 2 schedules before mutex_init was a
// step (a probe of kernel driver patterns).  init_live_mutex_open_ok.c
// initialises it once, at probe.
//! expect: bug misuse
#include <linux/mutex.h>
#include <linux/kthread.h>

struct dev { struct mutex lock; int users; };
static struct dev d;

static void dev_open(void *arg)
{
	(void)arg;
#ifndef OK
	mutex_init(&d.lock);
#endif
	mutex_lock(&d.lock);
	d.users++;
	mutex_unlock(&d.lock);
}

WEFT_TEST(init_live_mutex_open)
{
	mutex_init(&d.lock);
	weft_thread_t a = weft_spawn(dev_open, NULL);
	weft_thread_t b = weft_spawn(dev_open, NULL);
	weft_join(a);
	weft_join(b);
	WARN_ON(d.users != 2);
}
