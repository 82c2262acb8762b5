//! expect: bug deadlock
/* pthread_timedjoin_np of the worker itself: glibc acts on a pending
 * request before it says EDEADLK.
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <time.h>
static const struct timespec zero;
#define SETUP() (void)0
#define POINT() pthread_timedjoin_np(pthread_self(), NULL, &zero)
#include "cancel_point.h"
