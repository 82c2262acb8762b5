//! expect: verified
#define OK
#include "hoisted_flag_bug.c"
