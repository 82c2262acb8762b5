//! expect: bug assertion
/* cond_monotonic_ok.c asserting the flag after the wait: the wait may
 * time out before the setter runs. */
#define BUG
#include "cond_monotonic_ok.c"
