//! expect: verified
// The twin of shared_ptr_atomic_free_bug.cpp: both sides use the atomic
// functions.
#define OK
#include "shared_ptr_atomic_free_bug.cpp"
