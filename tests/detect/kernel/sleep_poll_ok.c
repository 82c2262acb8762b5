//! expect: verified
#define OK
#include "sleep_poll_bug.c"
