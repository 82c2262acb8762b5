// kthread_wake_peer_ok with the wake-up sent before the flag is
// cleared: the other kthread, woken, still finds it busy and sleeps
// again; nobody wakes it, and kthread_stop waits for ever.
//! expect: bug deadlock
#define WAKE_EARLY
#include "kthread_wake_peer_ok.c"
