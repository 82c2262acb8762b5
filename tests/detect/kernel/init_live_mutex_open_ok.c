// init_live_mutex_open_bug.c with mutex_init once, before the opens.
//! expect: verified
#define OK
#include "init_live_mutex_open_bug.c"
