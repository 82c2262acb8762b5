//! expect: verified
//! args: --strategy=dfs
/* A caller hands a thread an array it made after its own entry (a
 * variable-length array), then calls a function that hands another thread
 * a local of its own and joins it before returning.  Only the callee's
 * frame, up to its return address, died at its return: the caller's array
 * above it lives on.  The watched frame took in the caller's array, and
 * the first thread's reads were a false data race with the return (a
 * review's probe). */
#include <pthread.h>

struct args {
	int in, out;
};

static pthread_t t1, t2;

static void *reader(void *p)
{
	int *buf = p, s = 0;

	for (int i = 0; i < 2; i++)
		s += buf[i];
	return (void *)(long)s;
}

static void *worker(void *p)
{
	struct args *a = p;

	a->out = a->in + 1;
	return NULL;
}

static __attribute__((noinline)) int inner(void)
{
	struct args a = { 1, 0 };

	pthread_create(&t2, NULL, worker, &a);
	pthread_join(t2, NULL);
	return a.out;
}

static __attribute__((noinline)) int outer(int n)
{
	int buf[n];
	void *s;
	int r;

	for (int i = 0; i < n; i++)
		buf[i] = i;
	pthread_create(&t1, NULL, reader, buf);
	r = inner();
	pthread_join(t1, &s);
	return r + (int)(long)s;
}

int main(int argc, char **argv)
{
	(void)argv;
	return outer(argc + 3) == 3 ? 0 : 1;
}
