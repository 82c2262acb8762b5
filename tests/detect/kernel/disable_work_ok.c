// disable_work_bug.c with disable_work_sync() at teardown and balanced
// enables: verified.
//! expect(teardown): verified executions=18
//! expect(enable_twice): verified
//! expect(enable_and_queue): verified
#define DISABLE_WORK_OK
#include "disable_work_bug.c"
