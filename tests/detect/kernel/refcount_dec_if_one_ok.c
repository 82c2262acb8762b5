//! expect: verified
#define OK
#include "refcount_dec_if_one_bug.c"
