// smpboot-style: kthread_create, kthread_park before the thread was ever
// woken, then kthread_stop.  The kernel's kthread() checks for a stop
// after its creation sleep, parks if asked, and only then calls the
// function, which sees the stop and returns 5.  weft ran the function at
// the park's wake-up (a helper's probe): a false bug (crash).
//! expect: verified
#include <linux/kthread.h>
#include <linux/sched.h>
static int ran;
static int fn(void *arg)
{
	(void)arg;
	ran = 1;
	BUG_ON(!kthread_should_stop());
	return 5;
}
WEFT_TEST(create_park_stop)
{
	struct task_struct *t = kthread_create(fn, NULL, "hot");
	BUG_ON(kthread_park(t) != 0);
	BUG_ON(kthread_stop(t) != 5);
	BUG_ON(!ran);
}
