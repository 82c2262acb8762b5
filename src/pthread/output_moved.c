/* src/pthread/output_moved.c - standard output or error that the program
 * points elsewhere: dup2 or dup3 onto descriptor 1 or 2, a close of one,
 * freopen of stdout or stderr.
 *
 * weft keeps the program's output of each execution aside (output.c).  A
 * program that sends its own output to a file and reads it back (a test
 * of a logger) then read nothing, and a pipe it read from waited for ever:
 * false exit statuses and a false deadlock.  Once the program moved a
 * standard descriptor in an execution, the writes to it go where the
 * program sent them, as they would natively; the next execution starts
 * with the descriptor as it was at start-up.  The C library's stdio on a
 * descriptor that became a pipe, socket pair or eventfd of the program's
 * threads is not modelled (chan.c): refused as unsupported, where write(2)
 * to it is a step of the channel.  None of these blocks. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* Bit fd: descriptor fd was moved in this execution. */
static unsigned moved;
/* Copies of descriptors 1 and 2 as they were at start-up (-1: none). */
static int saved[3] = { -1, -1, -1 };

/* The program takes over a saved copy's number (dup2 onto it): the copy
 * moves to another, before it is replaced. */
static void saved_lost(int fd)
{
	for (int d = 1; d <= 2; d++)
		if (saved[d] == fd) {
			weft__fd_release(fd);
			saved[d] = weft__fd_keep(dup(fd), 960);
			weft__fd_on_lost(saved[d], saved_lost);
		}
}

void weft__pt_output_save(void)
{
	/* High, where a program that closes every descriptor and opens
	 * files again from 3 does not meet them (sched/fds.c). */
	for (int d = 1; d <= 2; d++)
		if (saved[d] < 0) {
			saved[d] = weft__fd_keep(dup(d), 960);
			weft__fd_on_lost(saved[d], saved_lost);
		}
}

/* Whether fd is open on the file one of the standard descriptors had at
 * start-up: dup2(2, 1) sends output where weft keeps it anyway. */
static bool standard(int fd)
{
	struct stat a, b;

	if (fstat(fd, &a))
		return false;
	for (int d = 1; d <= 2; d++)
		if (saved[d] >= 0 && !fstat(saved[d], &b) &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			return true;
	return false;
}

void weft__pt_output_moved(int fd)
{
	if ((fd != 1 && fd != 2) || !weft__pt_live())
		return;
	if (standard(fd))
		moved &= ~(1u << fd);
	else
		moved |= 1u << fd;
}

bool weft__pt_output_fd_captured(int fd)
{
	if (fd != 1 && fd != 2)
		return false;
	if (!(moved & (1u << fd)))
		return weft__pt_capturing();
	if (weft__pt_chan(fd))
		weft__limit("unsupported: stdio on a pipe", NULL,
			    "standard %s was sent to a pipe, socket pair or "
			    "eventfd of the program's, and weft does not "
			    "model the C library's streams on one (write(2) "
			    "to it is modelled)",
			    fd == 1 ? "output" : "error");
	return false;
}

bool weft__pt_stream_moved(const FILE *f)
{
	return (f == stdout && (moved & 2u)) || (f == stderr && (moved & 4u));
}

void weft__pt_output_restore(void)
{
	if (!moved)
		return;
	fflush(stdout);
	fflush(stderr);
	for (int d = 1; d <= 2; d++)
		if ((moved & (1u << d)) && saved[d] >= 0)
			dup2(saved[d], d);
	moved = 0;
}

static void moved_stream(FILE *f)
{
	if (f == stdout)
		weft__pt_output_moved(1);
	else if (f == stderr)
		weft__pt_output_moved(2);
}

FILE *__weft_freopen(const char *path, const char *mode, FILE *f)
{
	FILE *r = freopen(path, mode, f);

	moved_stream(f);
	return r;
}

FILE *__weft_freopen64(const char *path, const char *mode, FILE *f)
{
	FILE *r = freopen64(path, mode, f);

	moved_stream(f);
	return r;
}
