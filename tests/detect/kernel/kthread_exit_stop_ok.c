//! expect: verified
#define OK
#include "kthread_exit_stop_bug.c"
