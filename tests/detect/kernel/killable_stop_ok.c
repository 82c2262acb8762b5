// The killable lock calls of killable_stop_bug.c, the lock given back
// before kthread_stop(): the reader takes it and ends.
//! expect(mutex_killable): verified
//! expect(down_killable): verified
//! expect(read_killable): verified
//! expect(write_killable): verified
#define KILLABLE_STOP_OK
#include "killable_stop_bug.c"
