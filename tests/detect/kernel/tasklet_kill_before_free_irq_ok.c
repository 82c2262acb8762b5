// tasklet_kill_before_free_irq_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "tasklet_kill_before_free_irq_bug.c"
