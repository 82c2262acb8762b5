// lockdep_set_class_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "lockdep_set_class_bug.c"
