// tasklet_hold_once_bug.c with one read in the second section.
//! expect: verified
#define HOLD_ONCE_OK
#include "tasklet_hold_once_bug.c"
