//! expect: verified
#define OK
#include "wait_mixed_excl_order_bug.c"
