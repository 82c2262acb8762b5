//! expect: verified
#define OK
#include "rw_sleep_bug.c"
