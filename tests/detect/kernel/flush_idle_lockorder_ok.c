// flush_idle_lockorder_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "flush_idle_lockorder_bug.c"
