//! expect: bug deadlock
/* pthread_clockjoin_np with a deadline long passed: glibc acts on a
 * pending request before it says ETIMEDOUT (or EDEADLK).
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <time.h>
static const struct timespec zero;
#define SETUP() (void)0
#define POINT()                                                               \
	pthread_clockjoin_np(pthread_self(), NULL, CLOCK_MONOTONIC, &zero)
#include "cancel_point.h"
