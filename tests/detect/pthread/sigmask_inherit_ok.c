//! expect: verified
#define FIXED
#include "sigmask_inherit_bug.c"
