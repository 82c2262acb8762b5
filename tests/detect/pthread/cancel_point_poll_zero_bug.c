//! expect: bug deadlock
/* poll with a timeout of 0, which never waits: glibc acts on the
 * request as poll begins all the same (weft looked only where it waited).
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <poll.h>

#define SETUP() (void)0
#define POINT() poll(NULL, 0, 0)
#include "cancel_point.h"
