// irq_state_bug.c with interrupts kept off inside the irq-safe
// section (a plain spin_lock, local_irq_save/restore): verified.
//! expect(unlock_irq_inside_irqsave): verified
//! expect(irq_enable_inside_irqsave): verified
//! expect(seqlock_bh_vs_timer_reader): verified
//! expect(seqlock_irqsave_vs_irq_reader): verified
//! expect(sleep_irqs_off): verified
//! expect(enable_inside_save): verified
//! expect(irq_writer_vs_reader): verified
#define IRQ_STATE_OK
#include "irq_state_bug.c"
