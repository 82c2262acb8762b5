//! expect: verified
/* stdio_unlocked_bug with each record written under the stream's lock. */
#define LOCKED
#include "stdio_unlocked_bug.c"
