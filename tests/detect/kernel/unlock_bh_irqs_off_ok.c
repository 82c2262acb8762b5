// The fix of unlock_bh_irqs_off_bug.c.
//! expect: verified
#define OK
#include "unlock_bh_irqs_off_bug.c"
