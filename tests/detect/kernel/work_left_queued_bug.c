// work_left_queued_ok.c without the flushes: the work may still be
// pending when the test ends (found by a probe of kernel patterns; the
// exhaustive search verified all three).
//! expect(work_left_by_test): bug leak
//! expect(work_left_by_thread): bug leak
//! expect(work_left_delayed): bug leak
#define WORK_LEFT
#include "work_left_queued_ok.c"
