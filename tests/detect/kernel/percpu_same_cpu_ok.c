//! expect: verified
#define OK
#include "percpu_same_cpu_bug.c"
