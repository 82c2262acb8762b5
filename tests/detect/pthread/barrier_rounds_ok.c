//! expect: verified
//! args: --preemption-bound=0
#define OK
#include "barrier_rounds_bug.c"
