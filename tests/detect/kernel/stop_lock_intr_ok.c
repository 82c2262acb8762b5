//! expect: verified
#define OK
#include "stop_lock_intr_bug.c"
