/* src/pthread/fs.c - files as state the threads share: their contents and
 * their names.
 *
 * Two threads that each read a counter from a file and write it back, or
 * one that tests for a file another creates, communicate through state
 * the explorer did not see: no write of a file was a scheduling point,
 * nor a creation or a removal, and both programs were verified in one
 * schedule (found by a probe of the README's claims).  Now each such
 * call by a test thread is a step on an object that stands for what it
 * touches:
 *   - a regular file's contents (one object per file, by device and
 *     inode, shared by every descriptor and stream on it): read, pread,
 *     the stream readers and writers, write, pwrite, lseek and ftruncate;
 *     a read is a write of the object too when it moves a shared offset
 *     (read, the stream readers), pread only reads it;
 *   - a file's name (one object per last component of the path, so that
 *     ./lock, lock and /tmp/lock are one; names that collide share one):
 *     open, fopen and creat write it when they may create or truncate,
 *     read it otherwise, as stat, lstat and access do; unlink, remove,
 *     rename and link (both names), symlink, mkdir, rmdir and truncate
 *     write it.  One object for all names made threads that each create
 *     a file of their own take turns in every order (2,520 schedules for
 *     four).  A file opened in a directory another thread creates or
 *     removes is not ordered against that.
 * So the explorer tries the other orders of such calls of two threads.
 * A thread alone takes no step (weft__pt_point_needed).  The calls
 * themselves are the C library's, on the real files: an execution sees
 * what the earlier ones left, so a test that does not set its files up
 * afresh is not deterministic (weft says so when a replay diverges).
 * Not steps: memory mappings of files, directory listings (readdir),
 * fscanf and the _unlocked stream calls; a verdict of an execution that
 * used files with more than one thread notes the first two (files.c). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "detect/race.h"
#include "modelled.h"

/* Past CONTENTS files the last object is shared: more orders tried, none
 * missed.  The names' objects are fs_names.c's. */
#define CONTENTS 256
static char contents[CONTENTS];

/* A file's object is the next free one the first time an execution
 * touches the file, not a hash of its inode: a file the test creates
 * anew has another inode number in every execution, and whether a step
 * is needed depends on the object's uses earlier in the execution
 * (weft__pt_point_needed), so collisions that moved from one execution
 * to the next would make the same decisions take other steps.  Past
 * CONTENTS files, the last object is shared (more orders tried). */
static struct {
	dev_t dev;
	ino_t ino;
	bool gone; /* its last name was removed: the number may be reused */
} seen[CONTENTS];
static int nseen;
static long seen_gen = -1;

static void seen_fresh(void)
{
	if (seen_gen != weft__exec_gen()) {
		seen_gen = weft__exec_gen();
		nseen = 0;
	}
}

static const void *contents_of(const struct stat *st)
{
	int i;

	seen_fresh();
	for (i = 0; i < nseen; i++)
		if (!seen[i].gone && seen[i].dev == st->st_dev &&
		    seen[i].ino == st->st_ino)
			return &contents[i];
	if (nseen == CONTENTS)
		return &contents[CONTENTS - 1];
	seen[nseen].dev = st->st_dev;
	seen[nseen].ino = st->st_ino;
	seen[nseen].gone = false;
	return &contents[nseen++];
}

/* path's last name is about to go (unlink, remove, rename over it): its
 * inode number may be given to the next file made, by this process or
 * another, and a later file must not take its object, or a write to it
 * was a step on the object of a file removed earlier in one execution
 * and on a fresh one in the next (a replay that compared objects found
 * it with tests running side by side). */
static void contents_forget(const char *path)
{
	struct stat st;
	int e = errno;

	if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_nlink <= 1) {
		seen_fresh();
		for (int i = 0; i < nseen; i++)
			if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino)
				seen[i].gone = true;
	}
	errno = e;
}

const void *weft__pt_file_obj(int fd)
{
	struct stat st;
	int e = errno;
	const void *o = NULL;

	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		o = contents_of(&st);
	errno = e;
	return o;
}

/* The contents of the regular file at path, or NULL. */
static const void *path_obj(const char *path)
{
	struct stat st;
	int e = errno;
	const void *o = NULL;

	if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode))
		o = contents_of(&st);
	errno = e;
	return o;
}

/* ra is the program's call: its place is looked up only for a step
 * (looking it up may open a descriptor, which moved the numbers a
 * program's next open gets: tests/cli/restore.sh). */
void weft__pt_fs_step(const char *call, const void *obj, bool write,
		      uintptr_t ra)
{
	if (!weft__pt_live() || !obj)
		return;
	/* The other jobs' executions wait (cli/files_lock.c). */
	weft__files_enter();
	if (!weft__pt_point_needed(obj))
		return;
	bool name = weft__pt_is_name_obj(obj);

	weft__point(call, obj, name ? "file name" : "file",
		    write ? WEFT__ACC_WRITE : WEFT__ACC_READ, weft__pc_loc(ra));
}

/* The steps of an open of path: of the names, a write when it may
 * create the file; of its contents, a write before a truncation. */
void weft__pt_open_steps(const char *call, const char *path, bool creates,
			 bool truncates, uintptr_t ra)
{
	weft__pt_fs_step(call, weft__pt_name_obj(path), creates || truncates, ra);
	if (truncates)
		weft__pt_fs_step(call, path_obj(path), true, ra);
}

static void names_step(const char *call, const char *path, bool write,
		       uintptr_t ra)
{
	weft__pt_fs_step(call, weft__pt_name_obj(path), write, ra);
}

/* ---- descriptors ---------------------------------------------------------- */

/* The step of a call on the contents of the file open as fd. */
static void fd_step(const char *call, int fd, bool write, uintptr_t ra)
{
	weft__pt_fs_step(call, weft__pt_file_obj(fd), write, ra);
}

/* The bytes a read stored in the program's buffer, checked as a write
 * (a buffer another thread reads unordered, or one already freed). */
static ssize_t stored(void *p, ssize_t got, uintptr_t ra)
{
	if (got > 0)
		weft__race_access(p, (size_t)got, WEFT__RACE_WRITE, ra);
	return got;
}

/* pread and pwrite (and their 64 forms) are cancellation points: each
 * acts on a request pending as it begins (cancel.c). */
ssize_t __weft_pread(int fd, void *p, size_t n, off_t off)
{
	weft__pt_cancel_check(PT_LOC());
	fd_step("pread()", fd, false, PT_RA());
	return stored(p, pread(fd, p, n, off), PT_RA());
}

ssize_t __weft_pwrite(int fd, const void *p, size_t n, off_t off)
{
	weft__pt_cancel_check(PT_LOC());
	weft__race_access(p, n, 0, PT_RA());
	fd_step("pwrite()", fd, true, PT_RA());
	return pwrite(fd, p, n, off);
}

off_t __weft_lseek(int fd, off_t off, int whence)
{
	fd_step("lseek()", fd, true, PT_RA());
	return lseek(fd, off, whence);
}

int __weft_ftruncate(int fd, off_t len)
{
	fd_step("ftruncate()", fd, true, PT_RA());
	return ftruncate(fd, len);
}

/* Cancellation points (POSIX names them; glibc's are system calls with
 * SYSCALL_CANCEL), and a read of the file's contents, which they wait
 * to reach the disk. */
int __weft_fsync(int fd)
{
	weft__pt_cancel_check(PT_LOC());
	fd_step("fsync()", fd, false, PT_RA());
	return fsync(fd);
}

int __weft_fdatasync(int fd)
{
	weft__pt_cancel_check(PT_LOC());
	fd_step("fdatasync()", fd, false, PT_RA());
	return fdatasync(fd);
}

/* ---- names ---------------------------------------------------------------- */

/* The result of a call that creates the name path (fs_made.c). */
#define made_name(path, call) WEFT__PT_MADE(AT_FDCWD, path, true, call)

int __weft_unlink(const char *path)
{
	names_step("unlink()", path, true, PT_RA());
	contents_forget(path);
	return unlink(path);
}

int __weft_remove(const char *path)
{
	names_step("remove()", path, true, PT_RA());
	contents_forget(path);
	return remove(path);
}

int __weft_rename(const char *from, const char *to)
{
	names_step("rename()", from, true, PT_RA());
	names_step("rename()", to, true, PT_RA());
	contents_forget(to);
	return weft__pt_fs_renamed(to, rename(from, to));
}

int __weft_link(const char *from, const char *to)
{
	names_step("link()", from, true, PT_RA());
	names_step("link()", to, true, PT_RA());
	/* A new name of a file that was there before is left (removing it
	 * at the end could remove the file's last name, once the program
	 * unlinked the old one); one of a file this execution made is its. */
	return weft__pt_fs_linked(to, link(from, to));
}

int __weft_symlink(const char *from, const char *to)
{
	names_step("symlink()", to, true, PT_RA());
	return made_name(to, symlink(from, to));
}

int __weft_mkdir(const char *path, mode_t mode)
{
	names_step("mkdir()", path, true, PT_RA());
	return made_name(path, mkdir(path, mode));
}

int __weft_rmdir(const char *path)
{
	names_step("rmdir()", path, true, PT_RA());
	return rmdir(path);
}

int __weft_truncate(const char *path, off_t len)
{
	uintptr_t ra = PT_RA();

	names_step("truncate()", path, false, ra);
	weft__pt_fs_step("truncate()", path_obj(path), true, ra);
	return truncate(path, len);
}

/* A stat's result stored in the program's struct: a write of it (the
 * call is the C library's, not instrumented). */
static int stat_into(void *st, size_t n, int rc, uintptr_t ra)
{
	if (rc == 0)
		weft__race_access(st, n, WEFT__RACE_WRITE, ra);
	return rc;
}

int __weft_access(const char *path, int how)
{
	names_step("access()", path, false, PT_RA());
	return access(path, how);
}

int __weft_stat(const char *path, struct stat *st)
{
	names_step("stat()", path, false, PT_RA());
	return stat_into(st, sizeof *st, stat(path, st), PT_RA());
}

int __weft_lstat(const char *path, struct stat *st)
{
	names_step("lstat()", path, false, PT_RA());
	return stat_into(st, sizeof *st, lstat(path, st), PT_RA());
}

/* The names the C library gives these calls under _FILE_OFFSET_BITS=64
 * (the same calls on this machine's 64-bit offsets). */
ssize_t __weft_pread64(int fd, void *p, size_t n, off64_t off)
{
	weft__pt_cancel_check(PT_LOC());
	fd_step("pread()", fd, false, PT_RA());
	return stored(p, pread64(fd, p, n, off), PT_RA());
}

ssize_t __weft_pwrite64(int fd, const void *p, size_t n, off64_t off)
{
	weft__pt_cancel_check(PT_LOC());
	weft__race_access(p, n, 0, PT_RA());
	fd_step("pwrite()", fd, true, PT_RA());
	return pwrite64(fd, p, n, off);
}

off64_t __weft_lseek64(int fd, off64_t off, int whence)
{
	fd_step("lseek()", fd, true, PT_RA());
	return lseek64(fd, off, whence);
}

int __weft_ftruncate64(int fd, off64_t len)
{
	fd_step("ftruncate()", fd, true, PT_RA());
	return ftruncate64(fd, len);
}

int __weft_stat64(const char *path, struct stat64 *st)
{
	names_step("stat()", path, false, PT_RA());
	return stat_into(st, sizeof *st, stat64(path, st), PT_RA());
}

int __weft_lstat64(const char *path, struct stat64 *st)
{
	names_step("lstat()", path, false, PT_RA());
	return stat_into(st, sizeof *st, lstat64(path, st), PT_RA());
}
