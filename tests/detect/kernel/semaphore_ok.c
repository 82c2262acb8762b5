// semaphore_bug.c with the command written before up() and the
// semaphore taken outside the spinlock: verified.
//! expect(slot_handoff): verified
//! expect(down_under_spinlock): verified
//! expect(binary_semaphore): verified
#define SEMAPHORE_OK
#include "semaphore_bug.c"
