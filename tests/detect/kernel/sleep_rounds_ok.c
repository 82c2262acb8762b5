//! expect: verified
#define OK
#include "sleep_rounds_bug.c"
