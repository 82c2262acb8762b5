//! expect: verified
#define FIXED
#include "giveup_2000_bug.c"
