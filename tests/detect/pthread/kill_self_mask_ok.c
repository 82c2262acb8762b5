//! expect: verified
#define FIXED
#include "kill_self_mask_bug.c"
