// timer_reduce_expired_bug.c with timer_reduce(): a pending timer, due or
// not, keeps its earlier expiry.
//! expect: verified
#define OK
#include "timer_reduce_expired_bug.c"
