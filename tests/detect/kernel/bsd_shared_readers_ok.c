// bsd_shared_readers_bug.c with the updates under rw_wlock and
// sx_xlock: verified.
//! expect(bsd_rw_readers): verified
//! expect(bsd_sx_readers): verified
#define SHARED_LOCK_OK
#include "bsd_shared_readers_bug.c"
