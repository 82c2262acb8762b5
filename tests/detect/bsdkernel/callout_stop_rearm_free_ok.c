//! expect: verified
#define FIXED
#include "callout_stop_rearm_free_bug.c"
