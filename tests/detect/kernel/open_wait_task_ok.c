//! expect: verified
#define OK
#include "open_wait_task_bug.c"
