//! expect: verified
#define OK
#include "kthread_task_ref_bug.c"
