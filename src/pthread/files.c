/* src/pthread/files.c - the files, descriptors, directory streams and
 * mappings an execution opens, given back before the next one.
 *
 * Every execution is a run of the program from the start, but in one
 * process: a stream the program never closes (natively harmless, the
 * process ends) stayed open in the worker, and after a thousand
 * executions fopen failed for want of descriptors, a correct program's
 * failure reported as its bug; a mapping never unmapped grew the worker
 * by its size per execution.  What a test thread opens is recorded here
 * and whatever is still open when the next execution begins is closed,
 * as the end of a process would.  Calls outside test threads (set-up
 * code, constructors) keep what they open, as they run once.  The
 * streams' openers and fclose are streams.c's.
 *
 * None of these calls is a scheduling point. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

enum kind { R_NONE, R_FILE, R_FD, R_DIR, R_MAP };

struct res {
	enum kind kind;
	union {
		FILE *f;
		int fd;
		DIR *d;
		char *addr;
	} u;
	size_t len;               /* of a mapping */
	dev_t dev;                /* of a descriptor: the file it names, */
	ino_t ino;                /* checked before it is closed */
	bool purge;               /* a stream whose output is dropped */
};

/* Past this many open at once, further ones are not given back: the
 * program keeps them as it would without weft. */
#define MAX_RES 1024
static struct res res[MAX_RES];
static int nres;

/* ---- files as shared state ------------------------------------------ */

/* Files' contents and names are state the threads share: the calls
 * that read and change them are steps (fs.c), but a directory's listing
 * (readdir) and a file mapped shared are not, so a verdict of an
 * execution that had more than one thread and opened a directory or
 * mapped a file shared in a test thread says so. */
#define FILES_NOTE 0x46494c4553484152ull

static long opened_gen = -1;

void weft__pt_files_note(void)
{
	if (opened_gen != weft__exec_gen() || weft__nthreads() < 2 ||
	    weft__verdict_noted(FILES_NOTE))
		return;
	weft__verdict_note(FILES_NOTE,
			   "the threads listed a directory or mapped a file "
			   "shared: the orders of a listing against creations "
			   "and of a mapping's accesses against the file's "
			   "other uses are not explored");
}

/* A directory opened or a file mapped shared in an execution (its
 * descriptor fd). */
static void file_opened(int fd)
{
	struct stat st;
	int e = errno;

	if (fd >= 0 && fstat(fd, &st) == 0 &&
	    (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
		opened_gen = weft__exec_gen();
		weft__pt_files_note();
	}
	errno = e;
}

static void keep(enum kind k, struct res r)
{
	if (!weft__pt_live())
		return;
	if (k == R_DIR)
		file_opened(dirfd(r.u.d));
	r.kind = k;
	for (int i = 0; i < nres; i++)
		if (res[i].kind == R_NONE) {
			res[i] = r;
			return;
		}
	if (nres < MAX_RES)
		res[nres++] = r;
}

static bool names(const struct res *r, enum kind k, const void *p, int fd)
{
	if (r->kind != k)
		return false;
	if (k == R_FD)
		return r->u.fd == fd;
	return (k == R_FILE ? (const void *)r->u.f : (const void *)r->u.d) == p;
}

/* Forget the record of an object the program closes itself; whether there
 * was one. */
static bool drop(enum kind k, const void *p, int fd)
{
	bool had = false;

	for (int i = 0; i < nres; i++)
		if (names(&res[i], k, p, fd)) {
			res[i].kind = R_NONE;
			had = true;
		}
	return had;
}

int weft__pt_keep_fd(int fd)
{
	struct stat st;

	/* A new descriptor is no channel until chan.c says so (the number
	 * may be one a channel had, closed some way weft did not see). */
	weft__pt_chan_dup(-1, fd);
	if (fd >= 0 && fstat(fd, &st) == 0)
		keep(R_FD, (struct res){ .u.fd = fd, .dev = st.st_dev,
					 .ino = st.st_ino });
	return fd;
}

static int keep_fd(int fd)
{
	return weft__pt_keep_fd(fd);
}

/* A descriptor is closed only if it still names the file it was opened
 * on: one the program closed some way weft did not see may have been
 * reused since, by weft itself among others. */
static void close_kept(const struct res *r)
{
	struct stat st;

	if (fstat(r->u.fd, &st) == 0 && st.st_dev == r->dev &&
	    st.st_ino == r->ino)
		close(r->u.fd);
}

/* ---- streams (streams.c) and directories ------------------------------- */

void weft__pt_keep_stream(FILE *f, bool purge)
{
	keep(R_FILE, (struct res){ .u.f = f, .purge = purge });
}

bool weft__pt_drop_stream(FILE *f)
{
	return drop(R_FILE, f, -1);
}

bool weft__pt_drop_fd(int fd)
{
	return drop(R_FD, NULL, fd);
}

DIR *__weft_opendir(const char *path)
{
	DIR *d = opendir(path);

	if (d)
		keep(R_DIR, (struct res){ .u.d = d });
	return d;
}

DIR *__weft_fdopendir(int fd)
{
	DIR *d = fdopendir(fd);

	if (d && drop(R_FD, NULL, fd))
		keep(R_DIR, (struct res){ .u.d = d });
	return d;
}

int __weft_closedir(DIR *d)
{
	drop(R_DIR, d, -1);
	return closedir(d);
}

/* ---- descriptors -------------------------------------------------------- */

/* open's mode is there only when the flags create a file. */
static mode_t mode_arg(int flags, va_list ap)
{
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE)
		return (mode_t)va_arg(ap, int);
	return 0;
}

/* An open is a step on the files' names, and a truncating one on the
 * file's contents (fs.c).  A path relative to another directory than
 * the current one is looked up as given: its contents' step may miss. */
static void open_steps(const char *call, const char *path, int flags,
		       uintptr_t ra)
{
	weft__pt_open_steps(call, path, flags & O_CREAT, flags & O_TRUNC, ra);
}

/* An open's result: a file it created is noted (fs_made.c). */
#define made_fd(dir, path, flags, call)                                       \
	WEFT__PT_MADE(dir, path, (flags) & O_CREAT, call)

int __weft_open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	weft__pt_cancel_check(PT_LOC());
	open_steps("open()", path, flags, PT_RA());
	return made_fd(AT_FDCWD, path, flags, keep_fd(open(path, flags, mode)));
}

int __weft_openat(int dir, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	weft__pt_cancel_check(PT_LOC());
	open_steps("openat()", path, flags, PT_RA());
	return made_fd(dir, path, flags, keep_fd(openat(dir, path, flags, mode)));
}

/* The forms _FORTIFY_SOURCE calls when no mode is given. */
int __weft___open_2(const char *path, int flags)
{
	weft__pt_cancel_check(PT_LOC());
	open_steps("open()", path, flags, PT_RA());
	return made_fd(AT_FDCWD, path, flags, keep_fd(open(path, flags)));
}

int __weft___openat_2(int dir, const char *path, int flags)
{
	weft__pt_cancel_check(PT_LOC());
	open_steps("openat()", path, flags, PT_RA());
	return made_fd(dir, path, flags, keep_fd(openat(dir, path, flags)));
}

/* A cancellation point, as open is (glibc's creat is an open). */
int __weft_creat(const char *path, mode_t mode)
{
	weft__pt_cancel_check(PT_LOC());
	open_steps("creat()", path, O_CREAT | O_TRUNC, PT_RA());
	return made_fd(AT_FDCWD, path, O_CREAT, keep_fd(creat(path, mode)));
}

/* The calls that make a file or directory of a unique name from a
 * template: nothing was there before (they create exclusively), and the
 * name is known once they return.  Noted as made, so that an execution
 * cut short leaves none behind (a probe of ordinary pthread programs
 * found mkstemp's files in /tmp). */
static int made_unique(char *tmpl, int fd)
{
	weft__pt_fs_made(AT_FDCWD, tmpl, true, fd >= 0);
	if (fd >= 0)
		weft__pt_fs_unique(tmpl);
	return fd;
}

int __weft_mkstemp(char *tmpl)
{
	return made_unique(tmpl, keep_fd(mkstemp(tmpl)));
}

int __weft_mkstemp64(char *tmpl)
{
	return made_unique(tmpl, keep_fd(mkstemp64(tmpl)));
}

int __weft_mkostemp(char *tmpl, int flags)
{
	return made_unique(tmpl, keep_fd(mkostemp(tmpl, flags)));
}

char *__weft_mkdtemp(char *tmpl)
{
	char *d = mkdtemp(tmpl);

	made_unique(tmpl, d ? 0 : -1);
	return d;
}

int __weft_dup(int fd)
{
	int r = keep_fd(dup(fd));

	weft__pt_chan_dup(fd, r);
	return r;
}

/* dup2 (three: dup3 with flags) onto a descriptor that was free makes one
 * this execution opened; onto one already open (standard output
 * redirected, a descriptor from before main) it replaces the file, not
 * the descriptor's owner, and the record says the same as before: kept
 * if the execution opened it.  A channel's end replaced is closed first
 * (a step), at the program's loc. */
static int dup_onto(int fd, int to, bool three, int flags,
		    const struct weft_loc *loc)
{
	bool was_open;
	int r;

	/* One of weft's own: its owner lets it go first, and the program
	 * gets the number, as natively (it had never opened it). */
	if (fd != to && weft__fd_is_weft(to))
		weft__fd_give_up(to);
	was_open = fcntl(to, F_GETFD) != -1;
	if (fd != to && fcntl(fd, F_GETFD) != -1)
		weft__pt_chan_close(to, loc);
	r = three ? dup3(fd, to, flags) : dup2(fd, to);
	if (r >= 0 && fd != to && (!was_open || drop(R_FD, NULL, r)))
		keep_fd(r);
	if (r >= 0) {
		weft__pt_chan_dup(fd, r);
		weft__pt_output_moved(r);
	}
	return r;
}

int __weft_dup2(int fd, int to)
{
	return dup_onto(fd, to, false, 0, PT_LOC());
}

int __weft_dup3(int fd, int to, int flags)
{
	return dup_onto(fd, to, true, flags, PT_LOC());
}

int __weft_socket(int domain, int type, int proto)
{
	return keep_fd(socket(domain, type, proto));
}

/* open, openat and close are cancellation points (glibc's SYSCALL_CANCEL):
 * each acts on a request pending as it begins (a thread cancelled at a
 * close while it held a lock was verified: a probe). */
int __weft_close(int fd)
{
	int r;

	/* One of weft's own, which the program never opened (a loop over
	 * every descriptor): as natively, there is nothing to close. */
	if (weft__fd_is_weft(fd)) {
		errno = EBADF;
		return -1;
	}
	weft__pt_cancel_check(PT_LOC());
	weft__pt_chan_close(fd, PT_LOC());
	drop(R_FD, NULL, fd);
	r = close(fd);
	weft__pt_output_moved(fd);
	return r;
}

/* ---- mappings ----------------------------------------------------------- */

void *__weft_mmap(void *addr, size_t len, int prot, int flags, int fd,
		  off_t off)
{
	void *p = mmap(addr, len, prot, flags, fd, off);

	if (p != MAP_FAILED && (flags & MAP_SHARED) && weft__pt_live())
		file_opened(fd);
	/* A fixed mapping may replace memory from before main, which every
	 * execution expects: left alone (it is rare). */
	if (p != MAP_FAILED && !(flags & MAP_FIXED))
		keep(R_MAP, (struct res){ .u.addr = p, .len = len });
	return p;
}

/* What the program unmaps is no longer its record's to give back (the
 * addresses may be reused by another mapping, weft's own included):
 * records are trimmed to what is still mapped, or split around a hole. */
int __weft_munmap(void *addr, size_t len)
{
	char *a = addr, *b = a + len;

	weft__writes_flush();
	if (weft__pt_live())
		weft__pt_stack_release(addr, len, "munmap", NULL, PT_RA());

	for (int i = 0; i < nres; i++) {
		struct res *r = &res[i];
		char *lo = r->u.addr, *hi;
		if (r->kind != R_MAP)
			continue;
		hi = lo + r->len;
		if (b <= lo || a >= hi)
			continue;
		if (a <= lo && b >= hi) {
			r->kind = R_NONE;
		} else if (a <= lo) {
			r->u.addr = b;
			r->len = (size_t)(hi - b);
		} else if (b >= hi) {
			r->len = (size_t)(a - lo);
		} else {
			r->len = (size_t)(a - lo);
			keep(R_MAP, (struct res){ .u.addr = b,
						  .len = (size_t)(hi - b) });
		}
	}
	return munmap(addr, len);
}

/* ---- the next execution ------------------------------------------------- */

void weft__pthread_files_begin(void)
{
	for (int i = 0; i < nres; i++) {
		struct res *r = &res[i];
		if (r->kind == R_FILE && r->purge)
			__fpurge(r->u.f);
		if (r->kind == R_FILE)
			fclose(r->u.f);
		else if (r->kind == R_FD)
			close_kept(r);
		else if (r->kind == R_DIR)
			closedir(r->u.d);
		else if (r->kind == R_MAP)
			munmap(r->u.addr, r->len);
	}
	nres = 0;
}
