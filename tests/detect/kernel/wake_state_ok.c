//! expect: verified
#define OK
#include "wake_state_bug.c"
