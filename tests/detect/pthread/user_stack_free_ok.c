// The fix of user_stack_free_bug.c: each stack is given back after its
// thread is joined.
//! expect: verified
#define OK
#include "user_stack_free_bug.c"
