// rcu_lookup_inc_not_zero_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "rcu_lookup_inc_not_zero_bug.c"
