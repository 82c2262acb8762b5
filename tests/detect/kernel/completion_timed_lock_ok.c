// completion_timed_lock_bug.c with a timed wait, which gives up.
//! expect: verified
#define OK
#include "completion_timed_lock_bug.c"
