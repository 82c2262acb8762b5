// bit_spin_irq_bug.c with interrupts off around process context's hold.
//! expect: verified
#define FIXED
#include "bit_spin_irq_bug.c"
