/* src/tsan/libc_static.c - C library lookups that return a static result
 * shared by every thread: getpwuid and getpwnam (POSIX lets a call of
 * either overwrite the other's result, though glibc keeps one buffer
 * each), getgrgid and getgrnam (the same), gethostbyname, ecvt and fcvt.  As
 * localtime's in libc_state.c, the hidden result is an object of this
 * file named after the functions, which every call writes, so two
 * threads calling them without ordering race on it (the classic bug
 * their _r forms fix), though the C library is not instrumented and weft
 * saw nothing; the returned record is the real one, written by the call,
 * so a caller's later reads of it race with another thread's call too.
 * (The strings it points to are the C library's and are not checked.)
 * Outside an execution the checks do nothing.  None blocks. */
#include <grp.h>
#include <netdb.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "detect/race.h"
#include "modelled.h"
#include "report/report.h"
#include "tsan/tsan.h"

#define PC() ((uintptr_t)__builtin_return_address(0))

/* One hidden result of the C library: its state object (written by every
 * call) and the record the calls return, named once it is known. */
struct hidden {
	const char *name;
	char state[8];
	const void *named;
};

static struct hidden pw = { "getpwuid's and getpwnam's static result", { 0 },
			    NULL };
static struct hidden gr = { "getgrgid's and getgrnam's static result", { 0 },
			    NULL };
static struct hidden host = { "gethostbyname's static result", { 0 }, NULL };
static struct hidden ecvt_buf = { "ecvt's static result", { 0 }, NULL };
static struct hidden fcvt_buf = { "fcvt's static result", { 0 }, NULL };

__attribute__((constructor)) static void name_state(void)
{
	struct hidden *all[] = { &pw, &gr, &host, &ecvt_buf, &fcvt_buf };

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		weft__name_model_object(all[i]->state, sizeof all[i]->state,
					all[i]->name);
}

/* Before the call: it writes the hidden result. */
static void before(struct hidden *h, uintptr_t pc)
{
	weft__race_access(h->state, sizeof h->state, WEFT__RACE_WRITE, pc);
}

/* After it: the n bytes of the record r it returned were written. */
static void *after(struct hidden *h, void *r, size_t n, uintptr_t pc)
{
	if (!r)
		return r;
	weft__tsan_name_result(&h->named, r, n, h->name);
	weft__race_access(r, n, WEFT__RACE_WRITE, pc);
	return r;
}

static void read_str(const char *s, uintptr_t pc)
{
	weft__race_access(s, strlen(s) + 1, 0, pc);
}

struct passwd *__weft_getpwuid(uid_t uid)
{
	uintptr_t pc = PC();

	before(&pw, pc);
	return after(&pw, getpwuid(uid), sizeof(struct passwd), pc);
}

struct passwd *__weft_getpwnam(const char *name)
{
	uintptr_t pc = PC();

	read_str(name, pc);
	before(&pw, pc);
	return after(&pw, getpwnam(name), sizeof(struct passwd), pc);
}

struct group *__weft_getgrgid(gid_t gid)
{
	uintptr_t pc = PC();

	before(&gr, pc);
	return after(&gr, getgrgid(gid), sizeof(struct group), pc);
}

struct group *__weft_getgrnam(const char *name)
{
	uintptr_t pc = PC();

	read_str(name, pc);
	before(&gr, pc);
	return after(&gr, getgrnam(name), sizeof(struct group), pc);
}

struct hostent *__weft_gethostbyname(const char *name)
{
	uintptr_t pc = PC();

	read_str(name, pc);
	before(&host, pc);
	return after(&host, gethostbyname(name), sizeof(struct hostent), pc);
}

/* The digits string is the result: its length is known after the call. */
static char *digits(struct hidden *h, char *r, int *decpt, int *sign,
		    uintptr_t pc)
{
	weft__race_access(decpt, sizeof *decpt, WEFT__RACE_WRITE, pc);
	weft__race_access(sign, sizeof *sign, WEFT__RACE_WRITE, pc);
	return r ? after(h, r, strlen(r) + 1, pc) : r;
}

char *__weft_ecvt(double v, int ndigit, int *decpt, int *sign)
{
	uintptr_t pc = PC();

	before(&ecvt_buf, pc);
	return digits(&ecvt_buf, ecvt(v, ndigit, decpt, sign), decpt, sign,
		      pc);
}

char *__weft_fcvt(double v, int ndigit, int *decpt, int *sign)
{
	uintptr_t pc = PC();

	before(&fcvt_buf, pc);
	return digits(&fcvt_buf, fcvt(v, ndigit, decpt, sign), decpt, sign,
		      pc);
}
