//! expect: verified
#define OK
#include "tq_reentrant_bug.c"
