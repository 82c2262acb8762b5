//! expect: verified
#define FIXED
#include "giant_sx_bug.c"
