//! expect: verified
#define OK
#include "rcu_cb_region_tasklet_bug.c"
