//! expect: bug deadlock
/* fcntl(F_OFD_SETLKW), the open file description's form of the
 * wait for a record lock (glibc's fcntl is SYSCALL_CANCEL for it too).
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
static int fd;
static struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
#define SETUP() (fd = fileno(tmpfile()))
#define POINT() fcntl(fd, F_OFD_SETLKW, &fl)
#include "cancel_point.h"
