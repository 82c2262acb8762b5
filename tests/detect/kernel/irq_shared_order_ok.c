// irq_shared_order_bug.c with device a requested first: its hard handler
// runs before b's wakes b's thread.
//! expect: verified
#define FIXED
#include "irq_shared_order_bug.c"
