//! expect: bug deadlock
/* fcntl(F_SETLKW), a wait for a record lock (POSIX names fcntl a
 * cancellation point for F_SETLKW).
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
static int fd;
static struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
#define SETUP() (fd = fileno(tmpfile()))
#define POINT() fcntl(fd, F_SETLKW, &fl)
#include "cancel_point.h"
