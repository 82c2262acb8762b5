//! expect: verified
/* wakeup_if_bug.c with the consumers testing in a loop: one woken after
 * the other took the only item sleeps again until the second. */
#define OK
#include "wakeup_if_bug.c"
