//! expect: verified
#define OK
#include "kill_pause_bug.c"
