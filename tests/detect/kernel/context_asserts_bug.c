// Each check of context_asserts_ok.c where it fails: a rwsem held for
// reading, softirqs and preemption on, a GFP_KERNEL allocation under a
// plain spinlock.
//! expect(held_write): bug misuse
//! expect(in_softirq): bug misuse
//! expect(preempt_off): bug misuse
//! expect(seqcount_writer): bug misuse
//! expect(gfp_by_context): bug misuse
#define CONTEXT_ASSERTS_BUG
#include "context_asserts_ok.c"
