// A port's event work is set up once, then queued by an event thread; the
// open path, run again, must not INIT_WORK it while an event may have it
// queued.  This twin cancels the work first (cancel_work_sync orders the
// INIT_WORK after the queue_work); init_work_pending_bug.c does not: in
// the order where the other thread queued the work first, its INIT_WORK
// of the pending work corrupts the queue's list (the kernel's
// debugobjects: "ODEBUG: init active").  weft never tried that order (an
// INIT_WORK was no step) and verified it (found by a probe of kernel
// patterns).
//! expect(init_work_pending): verified
#include <linux/workqueue.h>

struct port {
	struct work_struct ev;
	int events;
};

static struct port p;

static void ev_fn(struct work_struct *w)
{
	struct port *pp = container_of(w, struct port, ev);

	pp->events++;
}

static void port_event(void *arg)
{
	(void)arg;
	schedule_work(&p.ev);
}

WEFT_TEST(init_work_pending)
{
	weft_thread_t t;

	INIT_WORK(&p.ev, ev_fn);
	t = weft_spawn(port_event, NULL);
#ifndef REINIT_PENDING
	weft_join(t);
	cancel_work_sync(&p.ev);
#endif
	INIT_WORK(&p.ev, ev_fn);
#ifdef REINIT_PENDING
	weft_join(t);
#endif
	cancel_work_sync(&p.ev);
}
