// The twin of callout_sysq_hang_bug.c: the test wakes the task before it
// drains it.
//! expect: verified
#define OK
#include "callout_sysq_hang_bug.c"
