// The fix of irqsave_unlock_irq_bug.c.
//! expect: verified
#define OK
#include "irqsave_unlock_irq_bug.c"
