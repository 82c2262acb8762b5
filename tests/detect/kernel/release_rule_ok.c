// release_rule_bug.c's teardown synchronizes both interrupt lines before
// it frees the device, and its test body wakes the sleeper only after
// the timer handler stored its result.
//! expect(sync_wrong_line): verified
//! expect(woken_mid_handler): verified
#define FIXED
#include "release_rule_bug.c"
