// lkmm_assert_exclusive_bug.c with the intruders under the lock: the
// assertions hold.
//! expect(exclusive_writer): verified
//! expect(exclusive_access): verified
//! expect(writer_readers): verified
#define OK
#include "lkmm_assert_exclusive_bug.c"
