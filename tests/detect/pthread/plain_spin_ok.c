//! expect: verified
/* plain_spin_bug.c with an atomic flag. */
#define PLAIN_SPIN_OK
#include "plain_spin_bug.c"
