// init_completion_stale_bug.c re-initialising before the flag is set.
//! expect: verified
#define OK
#include "init_completion_stale_bug.c"
