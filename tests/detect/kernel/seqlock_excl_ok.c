//! expect: verified
#define OK
#include "seqlock_excl_bug.c"
