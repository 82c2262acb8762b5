// The twin of epoch_free_bug.c: the entry is freed by NET_EPOCH_CALL,
// after the sections that could still see it.
//! expect: verified
#define OK
#include "epoch_free_bug.c"
