//! expect: verified
/* map_shared_lock_bug.cpp with the insert under a unique lock. */
#define OK
#include "map_shared_lock_bug.cpp"
