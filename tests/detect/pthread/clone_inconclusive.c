//! expect: inconclusive
/* clone(), refused as fork is: its child ran in every execution, and the
 * program was reported on what the child left behind (a probe of awkward
 * programs).  spawn_inconclusive.c does the same for posix_spawn. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

static int child(void *arg)
{
	(void)arg;
	return 0;
}

int main(void)
{
	char *stack = malloc(1 << 16);
	int pid = clone(child, stack + (1 << 16), SIGCHLD, NULL);

	if (pid > 0)
		waitpid(pid, NULL, 0);
	free(stack);
	return pid < 0;
}
