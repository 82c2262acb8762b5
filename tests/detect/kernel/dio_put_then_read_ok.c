// dio_put_then_read_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "dio_put_then_read_bug.c"
