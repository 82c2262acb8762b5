//! expect: verified
#define OK
#include "wait_timeout_late_wake_bug.c"
