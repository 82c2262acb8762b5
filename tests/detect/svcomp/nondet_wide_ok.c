// The twin of nondet_wide_bug.c: the count equals the bound for every
// value of the wider sets that the assumption admits.
//! expect: verified
#define OK
#include "nondet_wide_bug.c"
