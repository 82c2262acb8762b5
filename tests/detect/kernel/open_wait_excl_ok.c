//! expect: verified
#define OK
#include "open_wait_excl_bug.c"
