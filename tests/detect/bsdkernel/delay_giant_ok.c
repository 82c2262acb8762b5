//! expect: verified
/* The fix of delay_giant_bug.c: tsleep drops Giant while it sleeps. */
#define FIXED
#include "delay_giant_bug.c"
