//! expect(critical_sleep): verified
//! expect(critical_nest): verified
/* The correct twin of critical_sleep_bug.c: M_NOWAIT inside the critical
 * section, and critical sections that nest and balance. */
#define OK
#include "critical_sleep_bug.c"
