// malloc_nowait_null_bug.c with each M_NOWAIT result checked.
//! expect(nowait_unchecked): verified executions=2
//! expect(nowait_in_callout): verified
//! expect(nowait_counter): verified executions=2
//! expect(waitok_never_fails): verified executions=1
#define OK
#include "malloc_nowait_null_bug.c"
