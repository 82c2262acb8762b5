// The fix of irq_nosync_lock_bug.c: the line is masked before the lock is
// taken, so a handler still running runs on another CPU and waits for the
// unlock (no interrupt can arrive on the holder's CPU while it holds it).
//! expect: verified
#define FIXED
#include "irq_nosync_lock_bug.c"
