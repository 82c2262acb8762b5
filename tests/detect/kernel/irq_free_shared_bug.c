// Two devices share line 93; device b counts in its threaded handler
// under a mutex.  free_irq of a device waits for the line's hard
// handlers and for that device's own thread: freeing b while holding the
// mutex b's thread takes deadlocks (this file).  Freeing a under it does
// not (irq_free_shared_ok.c): weft waited for every handler of the line,
// b's thread too, and reported a false deadlock (a review's probe).
//! expect: bug deadlock
#include <linux/interrupt.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(m);
static int dev_a, dev_b, cnt;

static irqreturn_t isr(int irq, void *d)
{
	(void)irq;
	(void)d;
	return IRQ_HANDLED;
}

static irqreturn_t wake(int irq, void *d)
{
	(void)irq;
	(void)d;
	return IRQ_WAKE_THREAD;
}

static irqreturn_t thr(int irq, void *d)
{
	(void)irq;
	(void)d;
	mutex_lock(&m);
	cnt++;
	mutex_unlock(&m);
	return IRQ_HANDLED;
}

WEFT_TEST(free_under_mutex)
{
#ifdef FIXED
	void *first = &dev_a, *second = &dev_b;
#else
	void *first = &dev_b, *second = &dev_a;
#endif
	WARN_ON(request_irq(93, isr, IRQF_SHARED, "a", &dev_a));
	WARN_ON(request_threaded_irq(93, wake, thr, IRQF_SHARED, "b", &dev_b));
	weft_raise_irq(93);
	mutex_lock(&m);
	free_irq(93, first);
	mutex_unlock(&m);
	free_irq(93, second);
}
