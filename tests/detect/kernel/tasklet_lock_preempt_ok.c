// tasklet_lock_preempt_bug.c fixed, as its comment says.
//! expect: verified
#define FIXED
#include "tasklet_lock_preempt_bug.c"
