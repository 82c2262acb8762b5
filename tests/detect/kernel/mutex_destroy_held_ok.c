//! expect: verified
/* mutex_destroy_held_bug.c with the start signalled after the unlock. */
#define OK
#include "mutex_destroy_held_bug.c"
