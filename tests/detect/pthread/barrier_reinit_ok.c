// The twin of barrier_reinit_bug.c: the barrier is initialised again
// after its destroy, with no thread on it.
//! expect: verified
#define OK
#include "barrier_reinit_bug.c"
