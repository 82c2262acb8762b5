//! expect: verified
/* c11_timedwait_clock_bug.c's caller checks that a timeout means the
 * deadline was reached. */
#define OK
#include "c11_timedwait_clock_bug.c"
