//! expect: verified
/* sx_destroy_held_bug.c with the reader joined before the destroy. */
#define OK
#include "sx_destroy_held_bug.c"
