//! expect: bug livelock
/* poll_timeout_ok.c with a wait that polls without a bound: the device
 * thread waits for the lock the test holds while polling, so no poll can
 * ever see the flag. */
#define UNBOUNDED
#include "poll_timeout_ok.c"
