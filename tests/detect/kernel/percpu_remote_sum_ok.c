//! expect: verified
#define FIXED
#include "percpu_remote_sum_bug.c"
