//! expect: verified
#define OK
#include "rcu_cb_region_call_bug.c"
