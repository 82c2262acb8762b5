//! expect: verified
#define FIXED
#include "kthread_complete_exit_bug.c"
