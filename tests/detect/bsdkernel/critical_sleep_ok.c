//! expect(critical_sleep): verified
//! expect(critical_nest): verified
//! expect(critical_nowait): verified
/* The correct twin of critical_sleep_bug.c: allocations before the
 * critical section, and critical sections that nest and balance. */
#define OK
#include "critical_sleep_bug.c"
