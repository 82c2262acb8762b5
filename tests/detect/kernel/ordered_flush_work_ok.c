// ordered_flush_work_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "ordered_flush_work_bug.c"
