//! expect: inconclusive
/* vfork and posix_spawn make another process, as fork does: refused
 * inside an execution as unsupported.  They were not: a vfork child ran
 * on the parent's stack and weft's own memory ran out, reported as the
 * program's crash (it hid the program's data race), and a posix_spawn
 * child ran for real in every execution of a verified program (found by
 * a probe of awkward programs). */
#define _GNU_SOURCE
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	char *args[] = { "true", NULL };
	pid_t pid;

	(void)argv;
	if (argc > 1) { /* (never: the test runs without arguments) */
		pid = vfork();
		if (pid == 0)
			_exit(0);
	}
	if (posix_spawnp(&pid, "true", NULL, NULL, args, environ) == 0)
		waitpid(pid, NULL, 0);
	return 0;
}
