//! expect: verified
#define OK
#include "atomic_read_spin_bug.c"
