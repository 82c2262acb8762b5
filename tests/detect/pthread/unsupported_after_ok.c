//! expect: inconclusive
#define OK
#include "unsupported_after_bug.c"
