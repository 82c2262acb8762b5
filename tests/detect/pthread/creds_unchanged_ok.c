//! expect: verified
//! args: --strategy=dfs
/* Calls that ask for the credentials the process already has change
 * nothing, and stay the C library's (src/pthread/creds.c):
 * creds_changed_inconclusive.c is refused only because it changes them. */
#define _GNU_SOURCE
#include <assert.h>
#include <grp.h>
#include <pthread.h>
#include <unistd.h>

static void *worker(void *arg)
{
	assert(seteuid(geteuid()) == 0 && setegid(getegid()) == 0);
	return arg;
}

int main(void)
{
	uid_t r, e, s;
	gid_t g[64];
	int n = getgroups(64, g);
	pthread_t t;

	assert(getresuid(&r, &e, &s) == 0);
	assert(setresuid((uid_t)-1, e, (uid_t)-1) == 0);
	assert(setreuid((uid_t)-1, (uid_t)-1) == 0);
	assert(n >= 0);
	/* Unprivileged, setgroups fails (EPERM) even with the same list;
	 * it is let through either way. */
	(void)setgroups((size_t)n, g);
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return 0;
}
