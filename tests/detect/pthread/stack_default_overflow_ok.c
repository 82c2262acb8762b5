// The fix of stack_default_overflow_bug.c: the array takes half of the
// default stack.
//! expect: verified
#define FIXED
#include "stack_default_overflow_bug.c"
