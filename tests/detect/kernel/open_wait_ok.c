//! expect: verified
#define OK
#include "open_wait_bug.c"
