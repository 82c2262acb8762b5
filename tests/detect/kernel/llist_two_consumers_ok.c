// llist_two_consumers_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "llist_two_consumers_bug.c"
