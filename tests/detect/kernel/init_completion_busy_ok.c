// init_completion_busy_bug.c with init_completion before BUSY is set.
//! expect: verified
#define OK
#include "init_completion_busy_bug.c"
