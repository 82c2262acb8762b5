//! expect: verified
#define OK
#include "kthread_park_bug.c"
