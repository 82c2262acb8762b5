// tasklet_disable_bug.c with tasklet_disable: it waits for a running
// tasklet, and a scheduled one does not start until tasklet_enable, so
// the old block is no longer in use when it is freed.
//! expect: verified
#define OK
#include "tasklet_disable_bug.c"
