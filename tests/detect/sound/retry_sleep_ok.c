//! expect: verified
/* retry_sleep_bug.c with a blocking lock after the tries. */
#define OK
#include "retry_sleep_bug.c"
