//! expect: verified
#define OK
#include "stop_signal_bug.c"
