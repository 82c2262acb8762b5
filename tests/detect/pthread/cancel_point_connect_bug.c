//! expect: bug deadlock
/* connect of a Unix socket to a name nobody listens on (it fails
 * with ENOENT, after glibc acted on the request).
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
static int s;
static struct sockaddr_un sa = { .sun_family = AF_UNIX,
				 .sun_path = "/nonexistent/weft-sock" };
#define SETUP() (s = socket(AF_UNIX, SOCK_STREAM, 0))
#define POINT() connect(s, (struct sockaddr *)&sa, sizeof sa)
#include "cancel_point.h"
