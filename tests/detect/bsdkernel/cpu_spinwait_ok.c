//! expect: verified
/* cpu_spinwait_bug.c polling without the mutex the setter takes. */
#define OK
#include "cpu_spinwait_bug.c"
