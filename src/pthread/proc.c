/* src/pthread/proc.c - the process's own state outside its memory: the
 * working directory, the file mode creation mask, the session and the
 * process group, as at start-up in every execution.
 *
 * weft runs a test's executions one after another in one process and
 * restores the program's memory between them; what the kernel keeps for
 * the process carried over.  A program that changed into a subdirectory
 * started its next execution there and failed to change into it again,
 * one that set umask(077) made its next execution's public files 0600,
 * and a daemon's setsid() failed with EPERM from the second execution on:
 * each a false bug whose replay token did not replay (a probe of ordinary
 * pthread programs).
 *
 * The working directory and the mask are put back at an execution's
 * start and after its end (for weft's own work in the worker) when the
 * program changed them (chdir, fchdir, umask tell): the directory through
 * a descriptor of the one at start-up, kept out of the program's reach
 * (sched/fds.c), since a path may have been renamed or removed.  A session and a process group cannot be put back (a process
 * cannot leave the session it made), so setsid, setpgid and setpgrp do not
 * change the process inside an execution: they are modelled, once per
 * execution as a fresh process would see them, with getsid, getpgrp and
 * getpgid consistent with the model.  Joining another process's group is
 * refused (unsupported), as is any change of credentials (creds.c).
 *
 * umask is a step on "the file mode creation mask", a write (it sets the
 * mask and returns the old one), so the explorer tries two threads' masks
 * in both orders: the save-and-restore pattern (old = umask(077); ...;
 * umask(old)) run by two threads leaves the private mask in force
 * (tests/detect/pthread/umask_restored_bug.c). */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"
#include "report/report.h"

static bool saved;
static int start_dir = -1;  /* the working directory at start-up */
static mode_t start_mask;
static pid_t start_pgid, start_sid;
/* The modelled process group and session of this execution. */
static pid_t pgid, sid;

static char the_mask[1];

__attribute__((constructor)) static void name_mask(void)
{
	weft__name_model_object(the_mask, sizeof the_mask,
				"the file mode creation mask");
}

/* The program took over the number of the saved directory's descriptor
 * (dup2 onto it): the copy moves to another first. */
static void dir_lost(int fd)
{
	if (fd != start_dir)
		return;
	weft__fd_release(fd);
	start_dir = weft__fd_keep(dup(fd), 940);
	weft__fd_on_lost(start_dir, dir_lost);
}

static void save(void)
{
	saved = true;
	start_dir = weft__fd_keep(open(".", O_RDONLY | O_DIRECTORY |
						     O_CLOEXEC),
				  940);
	/* A working directory weft cannot open (no read permission) is
	 * left as the program sets it: put back as well as can be. */
	if (start_dir >= 0)
		weft__fd_on_lost(start_dir, dir_lost);
	start_mask = umask(022);
	umask(start_mask);
	start_pgid = getpgrp();
	start_sid = getsid(0);
}

/* Whether the program changed the working directory or the mask since
 * they were last put back: only then are they put back, since the two
 * calls twice per execution cost the core workload 17% of its time
 * (bench/ab.sh).  A library not built with weft-cc that changes them is
 * not seen. */
static bool moved, masked;

static void put_back(void)
{
	int e = errno;

	if (moved && start_dir >= 0 && fchdir(start_dir) != 0)
		weft__die("cannot return to the working directory of "
			  "start-up");
	if (masked)
		umask(start_mask);
	moved = masked = false;
	errno = e;
}

void weft__pthread_proc_begin(void)
{
	if (!saved)
		save();
	put_back();
	pgid = start_pgid;
	sid = start_sid;
}

void weft__pthread_proc_done(void)
{
	if (saved)
		put_back();
}

mode_t __weft_umask(mode_t mask)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live() && weft__pt_point_needed(the_mask))
		weft__point("umask()", the_mask, "the file mode creation mask",
			    WEFT__ACC_WRITE, weft__pc_loc(ra));
	masked = true;
	return umask(mask);
}

int __weft_chdir(const char *path)
{
	moved = true;
	return chdir(path);
}

int __weft_fchdir(int fd)
{
	moved = true;
	return fchdir(fd);
}

/* ---- the session and the process group --------------------------------- */

static bool self(pid_t pid)
{
	return pid == 0 || pid == getpid();
}

pid_t __weft_setsid(void)
{
	if (!weft__pt_live())
		return setsid();
	/* A process group leader cannot make a session (EPERM), and a
	 * session leader is one. */
	if (pgid == getpid()) {
		errno = EPERM;
		return -1;
	}
	sid = pgid = getpid();
	return sid;
}

pid_t __weft_getsid(pid_t pid)
{
	if (weft__pt_live() && self(pid))
		return sid;
	return getsid(pid);
}

pid_t __weft_getpgrp(void)
{
	return weft__pt_live() ? pgid : getpgrp();
}

pid_t __weft_getpgid(pid_t pid)
{
	if (weft__pt_live() && self(pid))
		return pgid;
	return getpgid(pid);
}

int __weft_setpgid(pid_t pid, pid_t to)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live() || !self(pid))
		return setpgid(pid, to);
	if (to == 0)
		to = getpid();
	if (to == pgid)
		return 0;
	/* A session leader's group is its session's. */
	if (sid == getpid()) {
		errno = EPERM;
		return -1;
	}
	if (to != getpid())
		weft__limit("unsupported: setpgid()", weft__pc_loc(ra),
			    "setpgid(%d, %d): joining another process's group "
			    "would change weft's own process for every later "
			    "execution", (int)pid, (int)to);
	pgid = to;
	return 0;
}

/* setpgid(0, 0), as glibc's is. */
int __weft_setpgrp(void)
{
	return __weft_setpgid(0, 0);
}
