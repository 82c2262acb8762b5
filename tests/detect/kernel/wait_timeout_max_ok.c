// wait_timeout_max_bug.c with MAX_SCHEDULE_TIMEOUT: no wait times out,
// and each returns MAX (0 for wait_on_bit_timeout), as the kernel's.
//! expect: verified
#define OK
#include "wait_timeout_max_bug.c"
