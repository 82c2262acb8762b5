/* src/pthread/io.c - calls weft cannot control.
 *
 * weft explores what the threads of one process do; it cannot schedule
 * another process or the data arriving on a pipe, a socket or a terminal.
 * A test thread that makes such a call would hang the exploration or make
 * it irreproducible, so the execution ends there and the test is
 * inconclusive ("unsupported: CALL", with its place) unless a bug is
 * found elsewhere.  Reading regular files is fine: it cannot block. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pthread/pt.h"

static bool may_block(int fd)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return false;
	return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
	       S_ISCHR(st.st_mode);
}

static _Noreturn void refuse(const char *call, const struct weft_loc *loc)
{
	weft__limit(weft__internf("unsupported: %s", call), loc,
		    "%s: weft cannot control another process or input arriving "
		    "on a pipe, socket or terminal; give the program its input "
		    "in a file or in memory", call);
}

ssize_t __weft_read(int fd, void *p, size_t n)
{
	if (weft__pt_live() && may_block(fd))
		refuse("read() from a pipe, socket or terminal", PT_LOC());
	return read(fd, p, n);
}

ssize_t __weft_recv(int fd, void *p, size_t n, int flags)
{
	if (weft__pt_live())
		refuse("recv()", PT_LOC());
	return recv(fd, p, n, flags);
}

ssize_t __weft_recvfrom(int fd, void *p, size_t n, int flags,
			struct sockaddr *a, socklen_t *al)
{
	if (weft__pt_live())
		refuse("recvfrom()", PT_LOC());
	return recvfrom(fd, p, n, flags, a, al);
}

int __weft_accept(int fd, struct sockaddr *a, socklen_t *al)
{
	if (weft__pt_live())
		refuse("accept()", PT_LOC());
	return accept(fd, a, al);
}

int __weft_poll(struct pollfd *f, nfds_t n, int timeout)
{
	if (weft__pt_live() && timeout != 0)
		refuse("poll() with a timeout", PT_LOC());
	return poll(f, n, timeout);
}

int __weft_select(int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *t)
{
	if (weft__pt_live())
		refuse("select()", PT_LOC());
	return select(n, r, w, e, t);
}

pid_t __weft_fork(void)
{
	if (weft__pt_live())
		refuse("fork()", PT_LOC());
	return fork();
}

int __weft_system(const char *cmd)
{
	if (weft__pt_live())
		refuse("system()", PT_LOC());
	return system(cmd);
}

pid_t __weft_waitpid(pid_t pid, int *st, int opt)
{
	if (weft__pt_live())
		refuse("waitpid()", PT_LOC());
	return waitpid(pid, st, opt);
}

pid_t __weft_wait(int *st)
{
	if (weft__pt_live())
		refuse("wait()", PT_LOC());
	return wait(st);
}

FILE *__weft_popen(const char *cmd, const char *mode)
{
	if (weft__pt_live())
		refuse("popen()", PT_LOC());
	return popen(cmd, mode);
}

int __weft_getchar(void)
{
	if (weft__pt_live() && may_block(0))
		refuse("getchar() from a pipe or terminal", PT_LOC());
	return getchar();
}

char *__weft_fgets(char *s, int n, FILE *f)
{
	if (weft__pt_live() && may_block(fileno(f)))
		refuse("fgets() from a pipe, socket or terminal", PT_LOC());
	return fgets(s, n, f);
}
