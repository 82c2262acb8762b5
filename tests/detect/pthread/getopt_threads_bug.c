//! expect: bug assertion
//! args: --strategy=dfs
/* getopt_threads_ok.c with a counter updated by a load and a store: two
 * threads can lose an update, which the second schedule shows; its
 * getopt must find the options as the first did. */
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
	int v = atomic_load(&count);
	atomic_store(&count, v + 1); /* not one step: an update is lost */
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
