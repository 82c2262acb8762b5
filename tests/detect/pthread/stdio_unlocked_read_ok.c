//! expect: verified
#define LOCKED
#include "stdio_unlocked_read_bug.c"
