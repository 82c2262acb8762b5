//! expect: verified
#define OK
#include "stdout_freopen_bug.c"
