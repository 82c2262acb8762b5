// The callbacks of context_leak_bug.c with the matching forms: each gives
// its context back as it found it.
//! expect(work_bh_leak): verified
//! expect(timer_preempt_leak): verified
//! expect(irq_enables_irqs): verified
#define CONTEXT_LEAK_OK
#include "context_leak_bug.c"
