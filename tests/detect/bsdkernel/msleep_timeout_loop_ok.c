//! expect: verified
#define OK
#include "msleep_timeout_loop_bug.c"
