//! expect: verified
#define OK
#include "lock_sleep_bug.c"
