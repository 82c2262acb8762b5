//! expect: verified
#define FIXED
#include "cond_two_mutex_bug.c"
