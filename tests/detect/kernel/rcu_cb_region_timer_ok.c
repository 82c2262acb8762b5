//! expect: verified
#define OK
#include "rcu_cb_region_timer_bug.c"
