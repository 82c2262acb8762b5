// The fix of atomic_fetch_order_bug.c: the fully ordered atomic_fetch_
// forms order the plain store before the counter's change.
//! expect: verified
#define FIXED
#include "atomic_fetch_order_bug.c"
