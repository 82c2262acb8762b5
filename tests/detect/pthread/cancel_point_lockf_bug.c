//! expect: bug deadlock
/* lockf(F_LOCK), glibc's fcntl(F_SETLKW) of the same lock.
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
static int fd;
#define SETUP() (fd = fileno(tmpfile()))
#define POINT() lockf(fd, F_LOCK, 0)
#include "cancel_point.h"
