//! expect: verified
#define OK
#include "stop_mutex_intr_bug.c"
