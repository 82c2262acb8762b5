//! expect: bug deadlock
#define LOST_WAKEUP
#include "wait_mixed_nonexcl_ok.c"
