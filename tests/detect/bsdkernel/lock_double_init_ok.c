//! expect: verified
#define OK
#include "lock_double_init_bug.c"
