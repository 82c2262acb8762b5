// percpu_timer_bh_ok.c with preemption disabled instead of softirqs or
// interrupts: the thread stays on its CPU, but the timer's softirq may
// run on it between __this_cpu_read and __this_cpu_write (on an
// interrupt's exit), and one count is lost.  other_cpu_locked's handler,
// on another CPU, updates the shared count without the lock: a data
// race that the process side's spin_lock_bh does not prevent.
//! expect(bh_section): bug assertion
//! expect(irq_save_section): bug assertion
//! expect(spin_bh_section): bug assertion
//! expect(irq_disable_section): bug assertion
//! expect(pinned_mod_timer): bug assertion
//! expect(two_sections): bug assertion
//! expect(other_cpu_locked): bug data-race
#define PREEMPT_ONLY
#include "percpu_timer_bh_ok.c"
