// rcu_implicit_reader_ok.c with the preempt_disable reader's use after
// its section, and the bh and timer readers' config freed without a
// grace period.
//! expect(preempt_reader): bug use-after-free
//! expect(bh_reader): bug use-after-free
//! expect(timer_reader): bug use-after-free
//! expect(nested_reader): bug use-after-free
//! expect(spin_reader): bug use-after-free
//! expect(raw_reader): bug use-after-free
#define READ_LATE
#define NO_WAIT
#include "rcu_implicit_reader_ok.c"
