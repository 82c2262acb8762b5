//! expect: verified
#define OK
#include "rcu_cb_region_bh_bug.c"
