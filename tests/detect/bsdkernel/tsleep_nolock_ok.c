//! expect: verified
#define OK
#include "tsleep_nolock_bug.c"
