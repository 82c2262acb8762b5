// rcuwait_bug.c with the count cleared before the wake-up.
//! expect: verified
#define OK
#include "rcuwait_bug.c"
