//! expect: verified
#define FIXED
#include "signal_ignore_order_bug.c"
