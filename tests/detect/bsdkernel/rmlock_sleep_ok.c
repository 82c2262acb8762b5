//! expect: verified
#define FIXED
#include "rmlock_sleep_bug.c"
