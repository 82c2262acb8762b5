//! expect: verified
#define FIXED
#include "sleep_overlap_bug.c"
