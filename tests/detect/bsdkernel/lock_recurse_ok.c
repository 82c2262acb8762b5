//! expect: verified
#define OK
#include "lock_recurse_bug.c"
