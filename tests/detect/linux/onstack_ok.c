//! expect(onstack_completion): verified
//! expect(lock_on_dead_stack): verified
/* onstack_bug.c fixed: the issuer cancels the work before its completion
 * goes out of scope, and the mutex is not on a stack. */
#define WEFT_ONSTACK_FIXED 1
#include "onstack_bug.c"
