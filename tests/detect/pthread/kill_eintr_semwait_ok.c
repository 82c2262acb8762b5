//! expect: verified
#define OK
#include "kill_eintr_semwait_bug.c"
