// rcu_cb_order_bug.c with the port counted: each callback drops a
// reference, and the last frees it, in whatever order they run.
//! expect: verified
#define OK
#include "rcu_cb_order_bug.c"
