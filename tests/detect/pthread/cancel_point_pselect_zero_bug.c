//! expect: bug deadlock
/* pselect with a zero timeout, which never waits.
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <sys/select.h>
#include <time.h>
static const struct timespec zero;
#define SETUP() (void)0
#define POINT() pselect(0, NULL, NULL, NULL, &zero, NULL)
#include "cancel_point.h"
