//! expect: verified
#define OK
#include "seqlock_excl_writer_bug.c"
