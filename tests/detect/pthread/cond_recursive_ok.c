//! expect: verified
/* cond_recursive_bug.c's correct twin: the recursive mutex is held once
 * when the thread waits. */
#define OK
#include "cond_recursive_bug.c"
