//! expect: inconclusive
//! args: --strategy=dfs
/* A server drops its privileges to nobody before starting its threads.
 * Run as root, weft's first execution made its own process nobody's, and
 * the next failed the program's "must be root" check: a false bug (a
 * probe of ordinary pthread programs).  Credentials cannot be taken back
 * between executions: a call that would change them is unsupported at
 * the call (src/pthread/creds.c), whoever runs the test (unprivileged,
 * the change would fail natively, and is refused all the same).
 * creds_unchanged_ok.c asks for the credentials the process has. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *worker(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_t t;

	if (setgid(65534) != 0 || setuid(65534) != 0)
		perror("drop privileges");
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return 0;
}
