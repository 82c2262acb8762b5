// seqcount_writers_bug.c with the writers serialised by a spinlock, as a
// seqcount_spinlock_t would be: verified.
//! expect: verified
#define SEQCOUNT_WRITERS_OK
#include "seqcount_writers_bug.c"
