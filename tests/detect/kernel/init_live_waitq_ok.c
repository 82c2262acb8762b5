// init_live_waitq_bug.c without the re-init.
//! expect: verified
#define OK
#include "init_live_waitq_bug.c"
