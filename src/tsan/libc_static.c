/* src/tsan/libc_static.c - C library lookups that return a static result
 * shared by every thread: getpwuid and getpwnam (POSIX lets a call of
 * either overwrite the other's result, though glibc keeps one buffer
 * each), getgrgid and getgrnam (the same), gethostbyname, ecvt and fcvt,
 * and the others of the kind a probe of programs nobody here wrote found
 * verified with two threads sharing the result: getpwent, getgrent,
 * gethostbyaddr, getservbyname, getprotobyname, l64a, ether_ntoa,
 * ether_aton, tmpnam(NULL), ttyname and getlogin.  As
 * localtime's in libc_state.c, the hidden result is an object of this
 * file named after the functions, which every call writes, so two
 * threads calling them without ordering race on it (the classic bug
 * their _r forms fix), though the C library is not instrumented and weft
 * saw nothing; the returned record is the real one, written by the call,
 * so a caller's later reads of it race with another thread's call too.
 * (The strings it points to are the C library's and are not checked.)
 * Outside an execution the checks do nothing.  None blocks. */
#include <dlfcn.h>
#include <grp.h>
#include <netdb.h>
#include <netinet/ether.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "detect/race.h"
#include "modelled.h"
#include "report/report.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()

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
static struct hidden pwent = { "getpwent's static result", { 0 }, NULL };
static struct hidden grent = { "getgrent's static result", { 0 }, NULL };
static struct hidden hostaddr = { "gethostbyaddr's static result", { 0 },
				  NULL };
static struct hidden serv = { "getservbyname's static result", { 0 }, NULL };
static struct hidden proto = { "getprotobyname's static result", { 0 },
			       NULL };
static struct hidden l64a_buf = { "l64a's static result", { 0 }, NULL };
static struct hidden ether_str = { "ether_ntoa's static result", { 0 }, NULL };
static struct hidden ether_addr = { "ether_aton's static result", { 0 },
				    NULL };
static struct hidden tmpnam_buf = { "tmpnam's static result", { 0 }, NULL };
static struct hidden tty = { "ttyname's static result", { 0 }, NULL };
static struct hidden login = { "getlogin's static result", { 0 }, NULL };

__attribute__((constructor)) static void name_state(void)
{
	struct hidden *all[] = { &pw,	   &gr,	       &host,	    &ecvt_buf,
				 &fcvt_buf, &pwent,    &grent,	    &hostaddr,
				 &serv,	   &proto,     &l64a_buf,   &ether_str,
				 &ether_addr, &tmpnam_buf, &tty,    &login };

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

/* A string result: as long as it turned out to be. */
static char *string_result(struct hidden *h, char *r, uintptr_t pc)
{
	return r ? after(h, r, strlen(r) + 1, pc) : r;
}

/* The digits string is the result, and the call writes *decpt and *sign. */
static char *digits(struct hidden *h, char *r, int *decpt, int *sign,
		    uintptr_t pc)
{
	weft__race_access(decpt, sizeof *decpt, WEFT__RACE_WRITE, pc);
	weft__race_access(sign, sizeof *sign, WEFT__RACE_WRITE, pc);
	return string_result(h, r, pc);
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

/* The lookups above, one record or string each. */
struct passwd *__weft_getpwent(void)
{
	uintptr_t pc = PC();

	before(&pwent, pc);
	return after(&pwent, getpwent(), sizeof(struct passwd), pc);
}

struct group *__weft_getgrent(void)
{
	uintptr_t pc = PC();

	before(&grent, pc);
	return after(&grent, getgrent(), sizeof(struct group), pc);
}

struct hostent *__weft_gethostbyaddr(const void *addr, socklen_t len,
				     int type)
{
	uintptr_t pc = PC();

	weft__race_access(addr, len, 0, pc);
	before(&hostaddr, pc);
	return after(&hostaddr, gethostbyaddr(addr, len, type),
		     sizeof(struct hostent), pc);
}

struct servent *__weft_getservbyname(const char *name, const char *proto_)
{
	uintptr_t pc = PC();

	read_str(name, pc);
	if (proto_)
		read_str(proto_, pc);
	before(&serv, pc);
	return after(&serv, getservbyname(name, proto_),
		     sizeof(struct servent), pc);
}

struct protoent *__weft_getprotobyname(const char *name)
{
	uintptr_t pc = PC();

	read_str(name, pc);
	before(&proto, pc);
	return after(&proto, getprotobyname(name), sizeof(struct protoent),
		     pc);
}

char *__weft_l64a(long v)
{
	uintptr_t pc = PC();

	before(&l64a_buf, pc);
	return string_result(&l64a_buf, l64a(v), pc);
}

char *__weft_ether_ntoa(const struct ether_addr *a)
{
	uintptr_t pc = PC();

	weft__race_access(a, sizeof *a, 0, pc);
	before(&ether_str, pc);
	return string_result(&ether_str, ether_ntoa(a), pc);
}

struct ether_addr *__weft_ether_aton(const char *s)
{
	uintptr_t pc = PC();

	read_str(s, pc);
	before(&ether_addr, pc);
	return after(&ether_addr, ether_aton(s), sizeof(struct ether_addr),
		     pc);
}

/* With a buffer of the caller's, tmpnam writes that one instead.  The C
 * library's is looked up, not linked: a reference to tmpnam makes the
 * linker warn at every build of the runtime. */
char *__weft_tmpnam(char *s)
{
	static char *(*real)(char *);
	uintptr_t pc = PC();

	if (!real)
		real = (char *(*)(char *))dlsym(RTLD_DEFAULT, "tmpnam");
	if (!real)
		return NULL;
	if (s) {
		weft__race_access(s, L_tmpnam, WEFT__RACE_WRITE, pc);
		return real(s);
	}
	before(&tmpnam_buf, pc);
	return string_result(&tmpnam_buf, real(NULL), pc);
}

char *__weft_ttyname(int fd)
{
	uintptr_t pc = PC();

	before(&tty, pc);
	return string_result(&tty, ttyname(fd), pc);
}

char *__weft_getlogin(void)
{
	uintptr_t pc = PC();

	before(&login, pc);
	return string_result(&login, getlogin(), pc);
}
