// The twin of mixed_size_futex_bug.c: the wait may sleep, time out or
// find the word changed, and asserts only that.
//! expect: verified
#define OK
#include "mixed_size_futex_bug.c"
