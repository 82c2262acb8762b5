// The correct twin of epoch_sleep_bug.c.
//! expect: verified
#define OK
#include "epoch_sleep_bug.c"
