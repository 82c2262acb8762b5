/* src/pthread/exec.c - the exec family.
 *
 * An exec from a test thread replaces the worker process with another
 * program: the exploration ended there, and its end was reported as a
 * crash of the program ("exited with status 0 in the middle of an
 * execution"), with the new program's output mixed into weft's.  Like
 * fork and system (io.c), it ends the execution as inconclusive
 * ("unsupported: exec"), at the call.  Outside an execution the calls are
 * the C library's; the variadic ones hand their arguments on as vectors. */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* The most arguments execl and its relatives pass on (more: E2BIG). */
#define MAX_ARGS 1024

static _Noreturn void refuse(const char *call, const struct weft_loc *loc)
{
	weft__limit("unsupported: exec", loc,
		    "%s: the program replaces itself with another, which "
		    "weft cannot follow", call);
}

int __weft_execve(const char *path, char *const argv[], char *const envp[])
{
	if (weft__pt_live())
		refuse("execve()", PT_LOC());
	return execve(path, argv, envp);
}

int __weft_execv(const char *path, char *const argv[])
{
	if (weft__pt_live())
		refuse("execv()", PT_LOC());
	return execv(path, argv);
}

int __weft_execvp(const char *file, char *const argv[])
{
	if (weft__pt_live())
		refuse("execvp()", PT_LOC());
	return execvp(file, argv);
}

int __weft_execvpe(const char *file, char *const argv[], char *const envp[])
{
	if (weft__pt_live())
		refuse("execvpe()", PT_LOC());
	return execvpe(file, argv, envp);
}

int __weft_fexecve(int fd, char *const argv[], char *const envp[])
{
	if (weft__pt_live())
		refuse("fexecve()", PT_LOC());
	return fexecve(fd, argv, envp);
}

/* The argument list of execl and its relatives, up to its NULL; envp,
 * when asked for, is the pointer after it (execle). */
static int collect(char **argv, const char *arg0, va_list ap, char ***envp)
{
	int n = 0;

	argv[n++] = (char *)arg0;
	while (argv[n - 1] && n < MAX_ARGS)
		argv[n++] = va_arg(ap, char *);
	if (argv[n - 1]) {
		errno = E2BIG;
		return -1;
	}
	if (envp)
		*envp = va_arg(ap, char **);
	return 0;
}

int __weft_execl(const char *path, const char *arg0, ...)
{
	char *argv[MAX_ARGS];
	va_list ap;
	int r;

	if (weft__pt_live())
		refuse("execl()", PT_LOC());
	va_start(ap, arg0);
	r = collect(argv, arg0, ap, NULL);
	va_end(ap);
	return r ? r : execv(path, argv);
}

int __weft_execlp(const char *file, const char *arg0, ...)
{
	char *argv[MAX_ARGS];
	va_list ap;
	int r;

	if (weft__pt_live())
		refuse("execlp()", PT_LOC());
	va_start(ap, arg0);
	r = collect(argv, arg0, ap, NULL);
	va_end(ap);
	return r ? r : execvp(file, argv);
}

int __weft_execle(const char *path, const char *arg0, ...)
{
	char *argv[MAX_ARGS], **envp = NULL;
	va_list ap;
	int r;

	if (weft__pt_live())
		refuse("execle()", PT_LOC());
	va_start(ap, arg0);
	r = collect(argv, arg0, ap, &envp);
	va_end(ap);
	return r ? r : execve(path, argv, envp);
}
