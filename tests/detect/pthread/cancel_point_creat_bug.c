//! expect: bug deadlock
/* creat, glibc's open(O_CREAT | O_WRONLY | O_TRUNC) (open and openat
 * were points already).
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
static char path[64];
static int fd = -1;
#define SETUP()                                                               \
	snprintf(path, sizeof path, "/tmp/weft-cancel-creat-%d", (int)getpid())
#define POINT() (fd = creat(path, 0600))
#include "cancel_point.h"
