//! expect: bug deadlock
/* sigtimedwait with a zero timeout and no signal pending: it fails
 * with EAGAIN at once, after glibc acted on the request.
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <signal.h>
#include <time.h>
static sigset_t set;
static const struct timespec zero;
#define SETUP() do { sigemptyset(&set); sigaddset(&set, SIGUSR1); } while (0)
#define POINT() sigtimedwait(&set, NULL, &zero)
#include "cancel_point.h"
