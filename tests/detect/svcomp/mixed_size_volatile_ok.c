// The twin of mixed_size_volatile_bug.c: the lower half is read first, so
// it can be older than the upper one but never newer.
//! expect: verified
//! args: races=off
#define LOW_FIRST
#include "mixed_size_volatile_bug.c"
