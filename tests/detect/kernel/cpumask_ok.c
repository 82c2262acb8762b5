//! expect: verified
#define FIXED
#include "cpumask_bug.c"
