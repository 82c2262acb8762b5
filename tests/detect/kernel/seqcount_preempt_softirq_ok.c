// seqcount_preempt_softirq_bug.c fixed, as its comment says.
//! expect: verified
#define FIXED
#include "seqcount_preempt_softirq_bug.c"
