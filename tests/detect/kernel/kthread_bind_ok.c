//! expect: verified
#define OK
#include "kthread_bind_bug.c"
