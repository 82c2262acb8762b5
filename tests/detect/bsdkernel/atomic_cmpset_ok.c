//! expect: verified
#define OK
#include "atomic_cmpset_bug.c"
