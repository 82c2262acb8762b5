//! expect: verified
#define OK
#include "cv_wait_bug.c"
