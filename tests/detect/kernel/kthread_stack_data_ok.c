//! expect: verified
#define OK
#include "kthread_stack_data_bug.c"
