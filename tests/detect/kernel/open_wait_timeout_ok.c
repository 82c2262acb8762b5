//! expect: verified
#define OK
#include "open_wait_timeout_bug.c"
