// shared_lock_readers_bug.c with the updates under the write side and
// the downgrade after the last write: verified.
//! expect(rwsem_readers): verified
//! expect(rwlock_readers): verified
//! expect(downgrade_then_write): verified
//! expect(is_locked_vs_reader): verified
//! expect(write_trylock_vs_up_read): verified
#define SHARED_LOCK_OK
#include "shared_lock_readers_bug.c"
