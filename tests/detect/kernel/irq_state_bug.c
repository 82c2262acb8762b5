// Interrupts are a state, not a count: spin_unlock_irq and
// local_irq_enable turn them on whatever disabled them, so inside a
// spin_lock_irqsave section they leave the outer irq-safe lock held with
// interrupts on, and the handler that takes it can interrupt its holder:
// a deadlock lockdep reports as an inconsistent lock state.  weft counted
// the disables and verified both.  And the _bh/_irqsave forms of
// write_seqlock disable softirqs or interrupts, so a seqlock reader in a
// timer callback or an interrupt handler is safe: weft reported a false
// deadlock there (irq_state_ok.c, verified with the fixes).
//! expect(unlock_irq_inside_irqsave): bug deadlock
//! expect(irq_enable_inside_irqsave): bug deadlock
//! expect(seqlock_bh_vs_timer_reader): verified
//! expect(seqlock_irqsave_vs_irq_reader): verified
//! expect(sleep_irqs_off): bug misuse
//! expect(enable_inside_save): verified
//! expect(irq_writer_vs_reader): bug deadlock
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/jiffies.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static DEFINE_SPINLOCK(outer);
static DEFINE_SPINLOCK(inner);
int a, b;

static irqreturn_t handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	spin_lock(&outer);
	a++;
	spin_unlock(&outer);
	return IRQ_HANDLED;
}

WEFT_TEST(unlock_irq_inside_irqsave)
{
	unsigned long flags;

	request_irq(9, handler, 0, "dev", NULL);
	weft_raise_irq(9);
	spin_lock_irqsave(&outer, flags);
#ifdef IRQ_STATE_OK
	spin_lock(&inner);
	b++;
	spin_unlock(&inner);
#else
	spin_lock_irq(&inner);
	b++;
	spin_unlock_irq(&inner); /* interrupts on, outer still held */
#endif
	a = 0;
	spin_unlock_irqrestore(&outer, flags);
	free_irq(9, NULL);
}

WEFT_TEST(irq_enable_inside_irqsave)
{
	unsigned long flags, inner_flags;

	request_irq(9, handler, 0, "dev", NULL);
	weft_raise_irq(9);
	spin_lock_irqsave(&outer, flags);
#ifdef IRQ_STATE_OK
	local_irq_save(inner_flags);
	b++;
	local_irq_restore(inner_flags); /* interrupts stay off */
#else
	(void)inner_flags;
	local_irq_disable();
	b++;
	local_irq_enable();
#endif
	a = 0;
	spin_unlock_irqrestore(&outer, flags);
	free_irq(9, NULL);
}

static DEFINE_SEQLOCK(sl);
u64 val, seen;
static struct timer_list tick;

static void tick_fn(struct timer_list *t)
{
	unsigned s;
	u64 v;

	(void)t;
	do {
		s = read_seqbegin(&sl);
		v = val;
	} while (read_seqretry(&sl, s));
	seen = v;
}

WEFT_TEST(seqlock_bh_vs_timer_reader)
{
	timer_setup(&tick, tick_fn, 0);
	mod_timer(&tick, jiffies + 1);
	write_seqlock_bh(&sl);
	val++;
	write_sequnlock_bh(&sl);
	timer_shutdown_sync(&tick);
}

static irqreturn_t reader_irq(int irq, void *dev)
{
	unsigned s;
	u64 v;

	(void)irq;
	(void)dev;
	do {
		s = read_seqbegin(&sl);
		v = val;
	} while (read_seqretry(&sl, s));
	seen = v;
	return IRQ_HANDLED;
}

WEFT_TEST(seqlock_irqsave_vs_irq_reader)
{
	unsigned long flags;

	request_irq(7, reader_irq, 0, "rd", NULL);
	weft_raise_irq(7);
	write_seqlock_irqsave(&sl, flags);
	val++;
	write_sequnlock_irqrestore(&sl, flags);
	free_irq(7, NULL);
}

/* Sleeping with interrupts disabled is misuse; in irq_state_ok.c the
 * saved state is restored first. */
static DEFINE_MUTEX(cfg_mutex);

WEFT_TEST(sleep_irqs_off)
{
	unsigned long flags;

	local_irq_save(flags);
#ifdef IRQ_STATE_OK
	local_irq_restore(flags);
	mutex_lock(&cfg_mutex);
#else
	mutex_lock(&cfg_mutex);
	local_irq_restore(flags);
#endif
	mutex_unlock(&cfg_mutex);
}

/* local_irq_enable inside local_irq_save is legal (the restore turns
 * them off again): it was a false "leaves an atomic section that was
 * never entered". */
WEFT_TEST(enable_inside_save)
{
	unsigned long flags;

	local_irq_save(flags);
	local_irq_enable();
	weft_assert(!irqs_disabled());
	local_irq_disable();
	local_irq_restore(flags);
	weft_assert(!irqs_disabled());
	local_irq_disable();
	local_irq_save(flags);
	local_irq_restore(flags);
	weft_assert(irqs_disabled());
	local_irq_enable();
}

/* A handler takes an rwlock for writing while process context holds it
 * for reading with interrupts on: the handler spins on a reader that
 * never runs again (lockdep's {HARDIRQ-ON-R} -> {IN-HARDIRQ-W}).  The
 * handler's check of the holder reads what the read sides change; taken
 * for a read too, it was never tried inside the reader's section (a
 * probe found it verified).  The ok twin disables interrupts. */
static DEFINE_RWLOCK(route_lock);
int route;

static irqreturn_t route_irq(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	write_lock(&route_lock);
	route++;
	write_unlock(&route_lock);
	return IRQ_HANDLED;
}

WEFT_TEST(irq_writer_vs_reader)
{
	unsigned long flags;
	int v;

	request_irq(5, route_irq, 0, "route", NULL);
	weft_raise_irq(5);
#ifdef IRQ_STATE_OK
	read_lock_irqsave(&route_lock, flags);
	v = route;
	read_unlock_irqrestore(&route_lock, flags);
#else
	(void)flags;
	read_lock(&route_lock);
	v = route;
	read_unlock(&route_lock);
#endif
	(void)v;
	free_irq(5, NULL);
}
