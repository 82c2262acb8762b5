// hrtimer_active_ok.c with a one-shot callback: once it has run, the
// timer is inactive, and the WARN_ON fires.
//! expect: bug assertion
#define ONESHOT
#include "hrtimer_active_ok.c"
