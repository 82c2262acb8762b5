//! expect: verified
#define OK
#include "refcount_release_bug.c"
