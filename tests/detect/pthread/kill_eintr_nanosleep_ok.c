//! expect: verified
#define OK
#include "kill_eintr_nanosleep_bug.c"
