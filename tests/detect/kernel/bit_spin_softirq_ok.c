// bit_spin_softirq_bug.c fixed, as its comment says.
//! expect: verified
#define FIXED
#include "bit_spin_softirq_bug.c"
