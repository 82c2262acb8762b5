//! expect: verified
/* retry_yield_bug.c with a blocking lock after the tries: no schedule fails. */
#define OK
#include "retry_yield_bug.c"
