// The fix of timer_irqsafe_bug.c: a TIMER_IRQSAFE timer.
//! expect: verified
#define OK
#include "timer_irqsafe_bug.c"
