//! expect: verified
/* deadline_carry_bug.c's deadline carries its nanoseconds. */
#define OK
#include "deadline_carry_bug.c"
