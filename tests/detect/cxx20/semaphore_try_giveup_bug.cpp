//! expect: bug assertion
// try_acquire fails when it runs before the release: see
// semaphore_try_giveup_ok.cpp.
#define ASSERT_TRY
#include "semaphore_try_giveup_ok.cpp"
