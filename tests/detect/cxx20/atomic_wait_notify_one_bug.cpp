//! expect: bug deadlock
// notify_one wakes one of two sleeping waiters: see
// atomic_wait_notify_one_ok.cpp.
#define NOTIFY_ONE
#include "atomic_wait_notify_one_ok.cpp"
