//! expect: verified
#define FIXED
#include "timedwait_giveup_bug.c"
