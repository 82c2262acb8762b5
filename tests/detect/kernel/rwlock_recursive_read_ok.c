// rwlock_recursive_read_bug.c's reader with its one hold.
//! expect(twice): verified
//! expect(twice_bh): verified
#define OK
#include "rwlock_recursive_read_bug.c"
