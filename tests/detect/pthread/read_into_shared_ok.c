//! expect: verified
/* read_into_shared_bug.c's correct twin: main reads the line after the
 * join. */
#define OK
#include "read_into_shared_bug.c"
