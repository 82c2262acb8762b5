// init_live_mutex_bug.c initialising a fresh kmalloc'd mutex instead.
//! expect: verified
#define OK
#include "init_live_mutex_bug.c"
