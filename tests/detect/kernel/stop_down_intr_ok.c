//! expect: verified
#define OK
#include "stop_down_intr_bug.c"
