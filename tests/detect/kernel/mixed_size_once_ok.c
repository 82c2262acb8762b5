// The twin of mixed_size_once_bug.c: the upper half is stored second, so
// a whole-word load that sees it sees the lower half too.
//! expect: verified
#define OK
#include "mixed_size_once_bug.c"
