//! expect: verified
/* The twin of critical_pcpu_bug.c: each count is in a critical section
 * and in its CPU's slot. */
#define OK
#include "critical_pcpu_bug.c"
