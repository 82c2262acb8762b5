//! expect: verified
#define OK
#include "kthread_create_bug.c"
