//! expect: verified
#define FIXED
#include "sigaction_order_bug.c"
