/* src/pthread/fs_made.c - the files and directories an execution creates,
 * removed when it is over.
 *
 * Every execution is one run of the program from the same start, so it
 * must find the files as the first one did.  An execution weft cuts short
 * (a schedule the search already covered, a bug, a limit) stops a thread
 * between creating a file of its own and removing it, and the next
 * execution found that file: a correct program whose threads each
 * created a file with O_EXCL and removed it failed its assertion, a
 * false bug, and every later run of it failed too (found by a review of
 * own_files_ok, which left a file in /tmp at every run).  So what a test
 * thread creates through the calls weft intercepts (open and openat with
 * O_CREAT, creat, fopen for writing or appending, mkdir, symlink, and
 * for a file it made, the new names link and rename give it) is noted when nothing
 * was there before, with its device and inode, and removed, newest
 * first, when the execution is over, however it ended, if the same file
 * is still there.  A file that was there before is never removed: one
 * the program renamed stays under its new name.
 *
 * Not undone: writes to files that existed before the execution, and
 * removals or renames of them; what a worker that died (a crash of the
 * program) had created; names made by calls weft does not intercept
 * (mkfifo, mkstemp, a library built without weft-cc). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pt.h"

/* More than this many creations in one execution are not undone (the
 * rest are left, as before). */
#define MAX_MADE 1024

struct made {
	char *path; /* absolute */
	dev_t dev;
	ino_t ino;
	bool dir;
};
static struct made made[MAX_MADE];
static int nmade;

bool weft__pt_fs_absent(int dir, const char *path)
{
	struct stat st;
	int e = errno;
	bool absent;

	if (!weft__pt_live() || !path)
		return false;
	absent = fstatat(dir, path, &st, AT_SYMLINK_NOFOLLOW) != 0 &&
		 errno == ENOENT;
	errno = e;
	return absent;
}

/* path made absolute: as given, or after the directory dir names (the
 * current one for AT_FDCWD); NULL when that cannot be told. */
static char *absolute(int dir, const char *path)
{
	char base[PATH_MAX], link[64], *p;
	ssize_t n;

	if (path[0] == '/')
		return strdup(path);
	if (dir == AT_FDCWD) {
		if (!getcwd(base, sizeof base))
			return NULL;
	} else {
		snprintf(link, sizeof link, "/proc/self/fd/%d", dir);
		n = readlink(link, base, sizeof base - 1);
		if (n <= 0)
			return NULL;
		base[n] = 0;
	}
	p = malloc(strlen(base) + strlen(path) + 2);
	if (p)
		sprintf(p, "%s/%s", base, path);
	return p;
}

void weft__pt_fs_made(int dir, const char *path, bool absent, bool ok)
{
	struct stat st;
	int e = errno;
	char *abs;

	if (!absent || !ok || nmade == MAX_MADE || !weft__pt_live())
		return;
	if (fstatat(dir, path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    (abs = absolute(dir, path))) {
		made[nmade++] = (struct made){ .path = abs, .dev = st.st_dev,
					       .ino = st.st_ino,
					       .dir = S_ISDIR(st.st_mode) };
	}
	errno = e;
}

/* The record of a file this execution made with the inode of st, or -1. */
static int made_index(const struct stat *st)
{
	for (int i = nmade - 1; i >= 0; i--)
		if (made[i].dev == st->st_dev && made[i].ino == st->st_ino)
			return i;
	return -1;
}

int weft__pt_fs_renamed(const char *to, int rc)
{
	struct stat st;
	int e = errno;

	if (rc != 0 || !weft__pt_live() || lstat(to, &st) != 0) {
		errno = e;
		return rc;
	}
	/* The renamed file keeps its inode: the record of it, if this
	 * execution made it, follows it to its new name. */
	int i = made_index(&st);
	char *abs;

	if (i >= 0 && (abs = absolute(AT_FDCWD, to))) {
		free(made[i].path);
		made[i].path = abs;
	}
	errno = e;
	return rc;
}

int weft__pt_fs_linked(const char *to, int rc)
{
	struct stat st;
	int e = errno;

	if (rc == 0 && weft__pt_live() && lstat(to, &st) == 0 &&
	    made_index(&st) >= 0)
		weft__pt_fs_made(AT_FDCWD, to, true, true);
	errno = e;
	return rc;
}

/* A listener of every execution's end (listeners.def): remove what it
 * made and left, newest first, so a directory is empty of the files made
 * in it by then.  A name that now holds another file (made by someone
 * else, or this one removed and made again by a call weft did not see)
 * is left alone. */
void weft__pthread_fs_done(void)
{
	struct stat st;
	int e = errno;

	while (nmade > 0) {
		struct made *m = &made[--nmade];
		if (lstat(m->path, &st) == 0 && st.st_dev == m->dev &&
		    st.st_ino == m->ino) {
			if (m->dir)
				rmdir(m->path);
			else
				unlink(m->path);
		}
		free(m->path);
	}
	errno = e;
	/* The files are as the execution found them: other jobs may go on
	 * (cli/files_lock.c). */
	weft__files_leave();
}
