//! expect: verified
// The twin of notify_at_thread_exit_bug.cpp: ready is set before the
// notification at the thread's end.
#define OK
#include "notify_at_thread_exit_bug.cpp"
