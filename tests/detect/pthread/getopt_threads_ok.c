//! expect: verified
//! args: --strategy=dfs
/* A program that takes its thread count from its options with
 * getopt_long.  getopt's state (optind, glibc's place in the arguments)
 * is the C library's, which weft did not put back between executions:
 * the second execution's getopt returned -1 at once and the program
 * started one thread instead of two, so its check failed, a false
 * assertion (a program without the check took another path with the
 * same decisions, and weft stopped it as nondeterministic, exit status
 * 2).  A program that names optind itself has its own copy, which weft
 * did put back: this one does not.  getopt_threads_bug.c loses an update
 * in the second schedule. */
#include <assert.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

static atomic_int count;

static void *worker(void *arg)
{
	(void)arg;
	atomic_fetch_add(&count, 1);
	return NULL;
}

static int parse(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "threads", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	int c, n = 1;

	while ((c = getopt_long(argc, argv, "t:", longopts, NULL)) != -1)
		if (c == 't')
			n = atoi(optarg);
	return n;
}

int main(void)
{
	char a0[] = "prog", a1[] = "--threads", a2[] = "2", a3[] = "-t",
	     a4[] = "2", a5[] = "file";
	char *argv[] = { a0, a1, a2, a3, a4, a5, NULL };
	pthread_t t[8];
	int n = parse(6, argv);

	assert(n == 2);
	for (int i = 0; i < n; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	assert(atomic_load(&count) == n);
	return 0;
}
