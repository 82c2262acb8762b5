//! expect: bug deadlock
/* select with a zero timeout, which never waits.
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <sys/select.h>
static struct timeval zero;
#define SETUP() (void)0
#define POINT() select(0, NULL, NULL, NULL, &zero)
#include "cancel_point.h"
