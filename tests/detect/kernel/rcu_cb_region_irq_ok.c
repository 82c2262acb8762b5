//! expect: verified
#define OK
#include "rcu_cb_region_irq_bug.c"
