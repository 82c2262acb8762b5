//! expect: verified
#define OK
#include "task_returns_locked_bug.c"
