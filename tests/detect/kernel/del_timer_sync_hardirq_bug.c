// An interrupt handler stops a watchdog timer with del_timer_sync.  The
// kernel warns (__timer_delete_sync): the interrupt may have arrived on
// top of the timer's callback on the same CPU, which then never finishes,
// so the wait never ends.  weft verified this (a probe of driver
// patterns).  The fix: del_timer in the handler (a TIMER_IRQSAFE timer
// may be waited for; the twin's second timer is one).
//! expect: bug misuse
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/timer.h>

static struct timer_list watchdog, irqsafe;
static atomic_t barks = ATOMIC_INIT(0);

static void bark(struct timer_list *t)
{
	(void)t;
	atomic_inc(&barks);
}

static irqreturn_t link_up(int irq, void *dev)
{
	(void)irq;
	(void)dev;
#ifdef OK
	del_timer(&watchdog);
	del_timer_sync(&irqsafe);
#else
	del_timer_sync(&watchdog);
#endif
	return IRQ_HANDLED;
}

WEFT_TEST(stop_watchdog_from_irq)
{
	timer_setup(&watchdog, bark, 0);
	timer_setup(&irqsafe, bark, TIMER_IRQSAFE);
	mod_timer(&watchdog, jiffies + 1);
	mod_timer(&irqsafe, jiffies + 1);
	WARN_ON(request_irq(5, link_up, 0, "link", NULL));
	weft_raise_irq(5);
	msleep(2);
	free_irq(5, NULL);
	del_timer_sync(&watchdog);
	del_timer_sync(&irqsafe);
}
