//! expect: verified
#define OK
#include "cv_destroy_waiters_bug.c"
