// The fix of rhashtable_irqsafe_bug.c: the timer is cancelled first.
//! expect: verified
#define OK
#include "rhashtable_irqsafe_bug.c"
