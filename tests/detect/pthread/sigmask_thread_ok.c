//! expect: verified
#define FIXED
#include "sigmask_thread_bug.c"
