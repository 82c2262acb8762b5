/* src/tsan/libc_out.c - C library calls that fill a small struct or
 * buffer of the caller's (an out-parameter), as the race detector sees
 * them.
 *
 * The C library is not built with weft-cc, so its stores into the
 * program's memory are seen only where a wrapper says so.  A probe of
 * pthread programs found each of these calls verified in one schedule
 * while another thread read the bytes it filled: uname, gethostname,
 * clock_getres, getrlimit, the signal-set calls, inet_pton, strptime,
 * confstr, getpwuid_r, regexec's match array.  Each wrapper checks what
 * the call reads of the program's memory and the bytes it stores: a
 * struct whole, a string as far as the call wrote it (checked after the
 * call, whose result says how far; test threads are fibers on one OS
 * thread, so no other thread ran in between).  Outside an execution the
 * checks do nothing. */
#include <arpa/inet.h>
#include <limits.h>
#include <pwd.h>
#include <regex.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "detect/race.h"
#include "modelled.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()
#define rd weft__tsan_rd
#define wr weft__tsan_wr

static size_t str_size(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* ---- the system's answers ------------------------------------------------ */

int __weft_uname(struct utsname *u)
{
	wr(u, sizeof *u, PC());
	return uname(u);
}

/* gethostname stores the name and its terminator, cut at len. */
int __weft_gethostname(char *name, size_t len)
{
	int r = gethostname(name, len);

	if (r == 0 && len)
		wr(name, strnlen(name, len) < len ? strlen(name) + 1 : len,
		   PC());
	return r;
}

int __weft_clock_getres(clockid_t c, struct timespec *res)
{
	wr(res, sizeof *res, PC());
	return clock_getres(c, res);
}

/* glibc's declaration takes an enum under _GNU_SOURCE, an int without:
 * the int is what every program passes. */
int __weft_getrlimit(int resource, struct rlimit *rl)
{
	wr(rl, sizeof *rl, PC());
	return getrlimit(resource, rl);
}

/* confstr stores its answer, cut at len, and returns the size it needs. */
size_t __weft_confstr(int name, char *buf, size_t len)
{
	size_t r = confstr(name, buf, len);

	if (r && buf && len)
		wr(buf, r < len ? r : len, PC());
	return r;
}

/* ---- signal sets ----------------------------------------------------------- */

int __weft_sigemptyset(sigset_t *set)
{
	wr(set, sizeof *set, PC());
	return sigemptyset(set);
}

int __weft_sigfillset(sigset_t *set)
{
	wr(set, sizeof *set, PC());
	return sigfillset(set);
}

/* sigaddset, sigdelset and sigismember touch the one word of the set
 * that holds sig's bit (glibc's layout: bit sig - 1 of an array of
 * unsigned long); an invalid sig fails before touching it. */
static const void *sig_word(const sigset_t *set, int sig)
{
	const size_t bits = CHAR_BIT * sizeof(unsigned long);

	if (!set || sig <= 0 || sig >= NSIG)
		return NULL;
	return (const char *)set +
	       (size_t)(sig - 1) / bits * sizeof(unsigned long);
}

int __weft_sigaddset(sigset_t *set, int sig)
{
	const void *w = sig_word(set, sig);

	rd(w, sizeof(unsigned long), PC());
	wr(w, sizeof(unsigned long), PC());
	return sigaddset(set, sig);
}

int __weft_sigdelset(sigset_t *set, int sig)
{
	const void *w = sig_word(set, sig);

	rd(w, sizeof(unsigned long), PC());
	wr(w, sizeof(unsigned long), PC());
	return sigdelset(set, sig);
}

int __weft_sigismember(const sigset_t *set, int sig)
{
	rd(sig_word(set, sig), sizeof(unsigned long), PC());
	return sigismember(set, sig);
}

/* ---- conversions ------------------------------------------------------------ */

/* inet_pton reads its string and stores the address when it parsed one
 * (1): 4 bytes for AF_INET, 16 for AF_INET6. */
int __weft_inet_pton(int af, const char *src, void *dst)
{
	int r;

	rd(src, str_size(src), PC());
	r = inet_pton(af, src, dst);
	if (r == 1)
		wr(dst, af == AF_INET6 ? 16 : 4, PC());
	return r;
}

int __weft_inet_aton(const char *src, struct in_addr *dst)
{
	int r;

	rd(src, str_size(src), PC());
	r = inet_aton(src, dst);
	if (r)
		wr(dst, sizeof *dst, PC());
	return r;
}

in_addr_t __weft_inet_addr(const char *src)
{
	rd(src, str_size(src), PC());
	return inet_addr(src);
}

/* strptime reads its format, its string as far as it parsed (all of it
 * when it failed), and stores into the struct tm (taken as whole: which
 * fields depends on the format). */
char *__weft_strptime(const char *s, const char *fmt, struct tm *tm)
{
	uintptr_t pc = PC();
	char *r;

	rd(fmt, str_size(fmt), pc);
	wr(tm, sizeof *tm, pc);
	r = strptime(s, fmt, tm);
	rd(s, r ? (size_t)(r - s) : str_size(s), pc);
	return r;
}

/* ---- the user database ------------------------------------------------------ */

/* What getpwuid_r and getpwnam_r stored: the struct, the pointer to it,
 * and the strings it points to in buf (up to the end of the last one). */
static void pw_stored(int r, struct passwd *pw, char *buf, size_t len,
		      struct passwd **out, uintptr_t pc)
{
	const char *f[5];
	size_t end = 0;

	wr(out, sizeof *out, pc);
	if (r != 0 || !out || *out != pw)
		return;
	wr(pw, sizeof *pw, pc);
	f[0] = pw->pw_name;
	f[1] = pw->pw_passwd;
	f[2] = pw->pw_gecos;
	f[3] = pw->pw_dir;
	f[4] = pw->pw_shell;
	for (int i = 0; i < 5; i++)
		if (f[i] >= buf && f[i] < buf + len) {
			size_t e = (size_t)(f[i] - buf) + strlen(f[i]) + 1;
			end = e > end ? e : end;
		}
	wr(buf, end, pc);
}

int __weft_getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len,
		      struct passwd **out)
{
	int r = getpwuid_r(uid, pw, buf, len, out);

	pw_stored(r, pw, buf, len, out, PC());
	return r;
}

int __weft_getpwnam_r(const char *name, struct passwd *pw, char *buf,
		      size_t len, struct passwd **out)
{
	int r;

	rd(name, str_size(name), PC());
	r = getpwnam_r(name, pw, buf, len, out);
	pw_stored(r, pw, buf, len, out, PC());
	return r;
}

/* ---- regexec ---------------------------------------------------------------- */

/* regexec reads the string (with REG_STARTEND, the range pmatch[0]
 * gives) and, on a match, stores nmatch entries of pmatch unless the
 * pattern was compiled with REG_NOSUB. */
int __weft_regexec(const regex_t *re, const char *s, size_t nmatch,
		   regmatch_t pmatch[], int eflags)
{
	uintptr_t pc = PC();
	int r;

	if (eflags & REG_STARTEND) {
		rd(pmatch, sizeof *pmatch, pc);
		if (pmatch && pmatch[0].rm_eo > pmatch[0].rm_so)
			rd(s + pmatch[0].rm_so,
			   (size_t)(pmatch[0].rm_eo - pmatch[0].rm_so), pc);
	} else {
		rd(s, str_size(s), pc);
	}
	r = regexec(re, s, nmatch, pmatch, eflags);
	if (r == 0 && !re->no_sub)
		wr(pmatch, nmatch * sizeof *pmatch, pc);
	return r;
}
