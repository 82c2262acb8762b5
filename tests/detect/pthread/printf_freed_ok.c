//! expect: verified
/* printf_freed_bug.c's correct twin: the message is freed after the join,
 * so printf reads it while it is live. */
#define OK
#include "printf_freed_bug.c"
