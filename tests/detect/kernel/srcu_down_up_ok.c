//! expect: verified
#define FIXED
#include "srcu_down_up_bug.c"
