// completion_done_timeout_bug.c with the completion done before the wait:
// the timeout comes back unchanged.
//! expect: verified
#define OK
#include "completion_done_timeout_bug.c"
