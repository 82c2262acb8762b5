//! expect: bug deadlock
/* tcdrain on a descriptor that is no terminal: it fails with ENOTTY,
 * but glibc acts on the request before the ioctl.
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <termios.h>
#include <unistd.h>
static int fd;
#define SETUP() (fd = fileno(tmpfile()))
#define POINT() tcdrain(fd)
#include "cancel_point.h"
