//! expect: verified
#define OK
#include "outside_sigint_bug.c"
