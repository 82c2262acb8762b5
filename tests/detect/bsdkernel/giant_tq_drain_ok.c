//! expect: verified
#define FIXED
#include "giant_tq_drain_bug.c"
