//! expect: bug crash
/* small_stack_ok.c's thread uses 100 KB of its 64 KiB stack. */
#define USE 100000
#include "small_stack_ok.c"
