// double_call_rcu_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "double_call_rcu_bug.c"
