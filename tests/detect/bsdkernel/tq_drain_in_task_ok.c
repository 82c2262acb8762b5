//! expect: verified
#define OK
#include "tq_drain_in_task_bug.c"
