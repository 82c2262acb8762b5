// See bh_wait_own_timer_bug.c.
//! expect(wait_in_section): verified
//! expect(wait_other_cpu): verified
#define OK
#include "bh_wait_own_timer_bug.c"
