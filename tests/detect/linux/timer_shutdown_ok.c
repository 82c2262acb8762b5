// Teardown stops a watchdog timer that an rx thread may re-arm at any
// moment.  In the kernel, after timer_shutdown_sync or timer_shutdown,
// mod_timer and add_timer do nothing, so once the rx thread is joined the
// timer stays idle.  <weft/linux.h>'s timer_shutdown_sync was
// del_timer_sync, after which the rx thread's mod_timer armed the timer
// again: a false use-after-free of the freed object (the kernel header
// tree's timers were right); it had no timer_shutdown.  Here, as there,
// a shut-down timer is not re-armed.  shutdown_rearm waits for a callback
// that fired earlier with del_timer_sync, which cannot re-arm it either.
// shutdown_periodic shuts down a timer that re-arms itself from its
// callback: a callback running at the shutdown re-arms nothing, so at
// most that one run comes after it.  timer_shutdown_bug.c stops the
// timers with del_timer_sync and del_timer, after which the re-arms are
// real.
//! expect(shutdown_sync_rearm): verified
//! expect(shutdown_rearm): verified
//! expect(shutdown_periodic): verified
#include <weft/linux.h>

#ifdef TIMER_NO_SHUTDOWN
#define STOP_SYNC(t) del_timer_sync(t)
#define STOP(t) del_timer(t)
#else
#define STOP_SYNC(t) timer_shutdown_sync(t)
#define STOP(t) timer_shutdown(t)
#endif

struct nic {
	struct timer_list wd;
	int timeouts;
	int stopped, late;
};

static void wd_fn(struct timer_list *t)
{
	struct nic *n = from_timer(n, t, wd);

	n->timeouts++;
}

static void rx(void *arg)
{
	struct nic *n = arg;

	mod_timer(&n->wd, jiffies + 1);
}

WEFT_TEST(shutdown_sync_rearm)
{
	struct nic *n = kzalloc(sizeof(*n), GFP_KERNEL);
	weft_thread_t t;

	timer_setup(&n->wd, wd_fn, 0);
	t = weft_spawn(rx, n);
	STOP_SYNC(&n->wd);
	weft_join(t);
	kfree(n);
}

WEFT_TEST(shutdown_rearm)
{
	struct nic *n = kzalloc(sizeof(*n), GFP_KERNEL);
	weft_thread_t t;

	timer_setup(&n->wd, wd_fn, 0);
	t = weft_spawn(rx, n);
	STOP(&n->wd);
	weft_join(t);
	WARN_ON(timer_pending(&n->wd));
	del_timer_sync(&n->wd);
	kfree(n);
}

static void periodic_fn(struct timer_list *t)
{
	struct nic *n = from_timer(n, t, wd);

	if (READ_ONCE(n->stopped))
		n->late++;
	mod_timer(&n->wd, jiffies + 1);
}

WEFT_TEST(shutdown_periodic)
{
	struct nic *n = kzalloc(sizeof(*n), GFP_KERNEL);

	timer_setup(&n->wd, periodic_fn, 0);
	mod_timer(&n->wd, jiffies + 1);
	msleep(2);
	STOP(&n->wd);
	WRITE_ONCE(n->stopped, 1);
	msleep(10);
	WARN_ON(n->late > 1);
	del_timer_sync(&n->wd);
	kfree(n);
}
