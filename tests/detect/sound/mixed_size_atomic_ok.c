// The twin of mixed_size_atomic_bug.c: the upper half is stored second,
// so a whole-word load that sees it sees the lower half too.
//! expect: verified
#define ORDERED
#include "mixed_size_atomic_bug.c"
