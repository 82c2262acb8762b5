/* src/pthread/fd_sweep.c - descriptors an execution made by calls weft
 * does not see, closed before the next execution.
 *
 * files.c closes what the program opened by the calls it wraps.  Others
 * make descriptors too (timerfd_create, inotify_init, memfd_create,
 * signalfd, pidfd_open, a raw syscall()), and what an execution left of
 * them stayed open in the worker: after a few hundred executions the next
 * call failed with EMFILE and a correct program that checks its calls
 * failed (a probe).  A process's end would close them.
 *
 * So before each execution, every descriptor that was not open when the
 * first one began, is not one of weft's own (sched/fds.c) and names an
 * anonymous kernel object (anon_inode: timers, inotify, signalfd,
 * eventfd, epoll, pidfd, io_uring), a memfd or a pipe is closed.  Sockets
 * and files are left alone: they are what a system library keeps open in
 * its statics across calls (syslog's socket, nscd's, the passwd file
 * between getpwent calls), and weft does not restore those statics, so
 * closing them under the library would leave it writing to a number the
 * program may have reused.  A raw syscall() that opens a file or socket
 * is recorded by syscall.c instead.
 *
 * Listing /proc/self/fd each time would cost more than a small test's
 * execution, and so would even a system call in each: every CHECK_EVERY
 * executions one fcntl asks whether the lowest descriptor free after the
 * last sweep is taken (the kernel gives out the lowest free one, so a new
 * descriptor left open takes it), and the sweep runs then, or every
 * SWEEP_EVERY executions in any case (an fcntl in every execution made
 * the core benchmark's executions 10% slower).  A program that leaks one
 * descriptor per execution holds at most CHECK_EVERY more than it would
 * natively, well under the limits (inotify's 128 instances a user). */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pthread/pt.h"

#define MAX_BASE 4096
#define CHECK_EVERY 16
#define SWEEP_EVERY 4096

static unsigned char base[MAX_BASE / 8];
static bool have_base;
static int low_free;
static unsigned since;

static bool in_base(int fd)
{
	return fd < MAX_BASE && (base[fd / 8] >> (fd % 8) & 1);
}

/* Whether fd names an object no system library keeps across calls. */
static bool closable(int fd)
{
	char path[64], to[64];
	ssize_t n;

	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	n = readlink(path, to, sizeof to - 1);
	if (n <= 0)
		return false;
	to[n] = 0;
	return !strncmp(to, "anon_inode:", 11) || !strncmp(to, "pipe:", 5) ||
	       !strncmp(to, "/memfd:", 7);
}

static int lowest_free(void)
{
	int fd = 0;

	while (fcntl(fd, F_GETFD) != -1)
		fd++;
	return fd;
}

/* Each descriptor open now, as f(fd) (the listing's own left out). */
static void each_open(void (*f)(int fd))
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char *end;
		long fd = strtol(e->d_name, &end, 10);

		if (*end || end == e->d_name || fd == dirfd(d))
			continue;
		f((int)fd);
	}
	closedir(d);
}

static void note_base(int fd)
{
	if (fd < MAX_BASE)
		base[fd / 8] |= (unsigned char)(1u << (fd % 8));
}

static void close_made(int fd)
{
	/* (fd >= MAX_BASE: not known to be from before, so closed if it is
	 * the program's kind; weft's own are marked in sched/fds.c.) */
	if (!in_base(fd) && !weft__fd_is_weft(fd) && closable(fd)) {
		weft__pt_drop_fd(fd);
		close(fd);
	}
}

void weft__pt_fd_sweep(void)
{
	if (!have_base) {
		each_open(note_base);
		have_base = true;
		low_free = lowest_free();
		return;
	}
	if (++since < SWEEP_EVERY &&
	    (since % CHECK_EVERY || fcntl(low_free, F_GETFD) == -1))
		return;
	since = 0;
	each_open(close_made);
	low_free = lowest_free();
}
