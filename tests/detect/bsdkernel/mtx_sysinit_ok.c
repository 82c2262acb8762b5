// The twin of mtx_sysinit_bug.c: MTX_SYSINIT initialises the lock.
//! expect: verified
#define OK
#include "mtx_sysinit_bug.c"
