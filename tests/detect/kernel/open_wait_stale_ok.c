//! expect: verified
#define OK
#include "open_wait_stale_bug.c"
