//! expect: verified
#define OK
#include "flush_dwork_timer_bug.c"
