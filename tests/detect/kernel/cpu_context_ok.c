//! expect: verified
#define OK
#include "cpu_context_bug.c"
