//! expect: verified
#define FIXED
#include "cond_past_deadline_bug.c"
