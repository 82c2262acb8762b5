/* src/pthread/fd_made.c - descriptors of kernel objects the program makes
 * (timers, inotify instances, memfds, signalfds, pidfds), closed before
 * the next execution as a process's end would close them.
 *
 * files.c closes what an execution left open of what the program opened
 * by the calls it models; these calls made descriptors it did not record,
 * and after a few hundred executions the next call failed with EMFILE
 * (inotify's 128 instances a user sooner) and a correct program that
 * checks its calls failed (a probe).  Only the program's own calls are
 * renamed here (weft-cc): a library not built with weft-cc that keeps
 * such a descriptor in its statics across calls (an event loop's eventfd
 * or timerfd) keeps it, as weft keeps those statics.  A sweep of every
 * such descriptor left open closed one a library kept, and the library's
 * next write failed (a review's probe). */
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>

#include "pthread/pt.h"

int __weft_timerfd_create(int clock, int flags)
{
	return weft__pt_keep_fd(timerfd_create(clock, flags));
}

int __weft_inotify_init(void)
{
	return weft__pt_keep_fd(inotify_init());
}

int __weft_inotify_init1(int flags)
{
	return weft__pt_keep_fd(inotify_init1(flags));
}

int __weft_memfd_create(const char *name, unsigned flags)
{
	return weft__pt_keep_fd(memfd_create(name, flags));
}

/* With fd -1 a new descriptor; else fd's mask changes, and fd stays the
 * program's as it was. */
int __weft_signalfd(int fd, const sigset_t *mask, int flags)
{
	int r = signalfd(fd, mask, flags);

	return fd == -1 ? weft__pt_keep_fd(r) : r;
}
