/* src/pthread/creds.c - changes of the process's credentials and root
 * directory: refused inside an execution when they would change the
 * process.
 *
 * weft runs a test's executions one after another in one process: a
 * program run as root that dropped to an unprivileged user in its first
 * execution started the next one as that user, failed its own "must be
 * root" check, and weft reported a false bug (a probe).  An unprivileged
 * process cannot take its privileges back, nor leave a chroot, so these
 * cannot be put back between executions the way the working directory is
 * (proc.c).  A call that would change the process ends the execution as
 * inconclusive (unsupported: CALL) at the program's call; one that asks
 * for what the process already has (setuid(getuid()) of a process whose
 * ids are all that one) is the C library's, and so is any outside an
 * execution (a constructor). */
#include <grp.h>
#include <sys/fsuid.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

static __attribute__((noinline)) void refuse_creds(const char *call,
						   uintptr_t ra)
{
	if (weft__pt_live())
		weft__limit(weft__internf("unsupported: %s", call),
			    weft__pc_loc(ra),
			    "%s would change weft's own process for every "
			    "later execution of the search, and cannot be "
			    "undone; test the code that runs after it", call);
}

/* Whether id asks for something other than cur: (uid_t)-1 and
 * (gid_t)-1 leave an id as it is. */
static bool differs(unsigned id, unsigned cur)
{
	return id != (unsigned)-1 && id != cur;
}

/* Whether a request for real, effective and saved ids r, e, s would
 * change the ones the process has. */
static bool uids_change(uid_t r, uid_t e, uid_t s)
{
	uid_t cr, ce, cs;

	if (getresuid(&cr, &ce, &cs))
		return true;
	return differs(r, cr) || differs(e, ce) || differs(s, cs);
}

static bool gids_change(gid_t r, gid_t e, gid_t s)
{
	gid_t cr, ce, cs;

	if (getresgid(&cr, &ce, &cs))
		return true;
	return differs(r, cr) || differs(e, ce) || differs(s, cs);
}

/* setuid of a privileged process sets all three ids; of another, the
 * effective one; asking for all three to be u covers both. */
int __weft_setuid(uid_t u)
{
	if (uids_change(u, u, u))
		refuse_creds("setuid()", PT_RA());
	return setuid(u);
}

int __weft_setgid(gid_t g)
{
	if (gids_change(g, g, g))
		refuse_creds("setgid()", PT_RA());
	return setgid(g);
}

int __weft_seteuid(uid_t u)
{
	if (uids_change((uid_t)-1, u, (uid_t)-1))
		refuse_creds("seteuid()", PT_RA());
	return seteuid(u);
}

int __weft_setegid(gid_t g)
{
	if (gids_change((gid_t)-1, g, (gid_t)-1))
		refuse_creds("setegid()", PT_RA());
	return setegid(g);
}

/* setreuid may also set the saved id to the new effective one: a
 * request that sets the real id asks for it too. */
int __weft_setreuid(uid_t r, uid_t e)
{
	uid_t s = r != (uid_t)-1 ? (e != (uid_t)-1 ? e : geteuid())
				 : (uid_t)-1;

	if (uids_change(r, e, s))
		refuse_creds("setreuid()", PT_RA());
	return setreuid(r, e);
}

int __weft_setregid(gid_t r, gid_t e)
{
	gid_t s = r != (gid_t)-1 ? (e != (gid_t)-1 ? e : getegid())
				 : (gid_t)-1;

	if (gids_change(r, e, s))
		refuse_creds("setregid()", PT_RA());
	return setregid(r, e);
}

int __weft_setresuid(uid_t r, uid_t e, uid_t s)
{
	if (uids_change(r, e, s))
		refuse_creds("setresuid()", PT_RA());
	return setresuid(r, e, s);
}

int __weft_setresgid(gid_t r, gid_t e, gid_t s)
{
	if (gids_change(r, e, s))
		refuse_creds("setresgid()", PT_RA());
	return setresgid(r, e, s);
}

/* The same supplementary groups in the same order change nothing. */
int __weft_setgroups(size_t n, const gid_t *list)
{
	gid_t cur[256];
	int have = getgroups(256, cur);
	bool same = have >= 0 && (size_t)have == n;

	for (size_t i = 0; same && i < n; i++)
		same = list[i] == cur[i];
	if (!same)
		refuse_creds("setgroups()", PT_RA());
	return setgroups(n, list);
}

/* initgroups reads the group database to set the groups: refused in an
 * execution whatever it would set. */
int __weft_initgroups(const char *user, gid_t g)
{
	refuse_creds("initgroups()", PT_RA());
	return initgroups(user, g);
}

/* The file system ids follow the effective ones unless set apart. */
int __weft_setfsuid(uid_t u)
{
	if (u != (uid_t)-1 && u != geteuid())
		refuse_creds("setfsuid()", PT_RA());
	return setfsuid(u);
}

int __weft_setfsgid(gid_t g)
{
	if (g != (gid_t)-1 && g != getegid())
		refuse_creds("setfsgid()", PT_RA());
	return setfsgid(g);
}

/* A chroot, even to "/", may move the root: it is not undone. */
int __weft_chroot(const char *path)
{
	refuse_creds("chroot()", PT_RA());
	return chroot(path);
}
