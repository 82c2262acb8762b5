/* src/sched/fds.c - the descriptors weft keeps open in the worker for
 * itself (the pipes to addr2line, the written-page tracker's, the saved
 * standard streams), out of the program's reach.
 *
 * A program that closes every descriptor from 3 up (a daemon's start)
 * closed weft's too: every source location of its report read "?:0" (a
 * probe), and a descriptor weft still wrote to could have been reused
 * by one of the program's files.  Each is moved high, where programs
 * rarely look, and the program's close of one fails as the close of a
 * descriptor it never opened does (EBADF). */
#include <fcntl.h>
#include <unistd.h>

#include "internal.h"

#define MAX_OWN 65536

static unsigned char own[MAX_OWN / 8];

int weft__fd_keep(int fd, int floor)
{
	int hi;

	if (fd < 0)
		return fd;
	/* Above the standard streams at least, when the limit on open
	 * descriptors is below floor. */
	hi = fcntl(fd, F_DUPFD_CLOEXEC, floor);
	if (hi < 0 && floor > 3)
		hi = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	if (hi >= 0) {
		close(fd);
		fd = hi;
	}
	if (fd < MAX_OWN)
		own[fd / 8] |= (unsigned char)(1u << (fd % 8));
	return fd;
}

bool weft__fd_is_weft(int fd)
{
	return fd >= 0 && fd < MAX_OWN && (own[fd / 8] >> (fd % 8) & 1);
}

/* Who gives up a descriptor the program takes over (at most a few:
 * the helpers' pipes). */
#define MAX_LOST 16
static struct {
	int fd;
	void (*lost)(int fd);
} cbs[MAX_LOST];

void weft__fd_on_lost(int fd, void (*lost)(int fd))
{
	for (int i = 0; i < MAX_LOST; i++)
		if (!cbs[i].lost) {
			cbs[i].fd = fd;
			cbs[i].lost = lost;
			return;
		}
}

/* Its owner's handler goes with the descriptor: a stale one would fill
 * the table, and a later descriptor of that number is another's. */
void weft__fd_release(int fd)
{
	if (fd < 0 || fd >= MAX_OWN)
		return;
	own[fd / 8] &= (unsigned char)~(1u << (fd % 8));
	for (int i = 0; i < MAX_LOST; i++)
		if (cbs[i].lost && cbs[i].fd == fd)
			cbs[i].lost = NULL;
}

void weft__fd_give_up(int fd)
{
	void (*lost)(int) = NULL;

	for (int i = 0; i < MAX_LOST && !lost; i++)
		if (cbs[i].lost && cbs[i].fd == fd)
			lost = cbs[i].lost;
	weft__fd_release(fd);
	if (lost)
		lost(fd);
}
