//! expect: bug deadlock
/* sync_file_range, not one of POSIX's but glibc's SYSCALL_CANCEL.
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
static int fd;
#define SETUP() (fd = fileno(tmpfile()))
#define POINT() sync_file_range(fd, 0, 0, 0)
#include "cancel_point.h"
