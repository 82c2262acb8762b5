//! expect(epoch_wait_mtx): verified
//! expect(epoch_wait_kind): verified
/* The correct twin of epoch_wait_mtx_bug.c: the writer lets the mutex go
 * before NET_EPOCH_WAIT(), and epoch_wait on an epoch without
 * EPOCH_PREEMPT is called with the mutex held, as FreeBSD allows. */
#define OK
#include "epoch_wait_mtx_bug.c"
