//! expect: verified
//! args: strategy=dfs
/* The correct twin of reach_error_assert_bug.c: the writer updates the
 * pair in one critical section, so the reader never sees a != b. */
#include <pthread.h>

extern void abort(void);
extern void __assert_fail(const char *, const char *, unsigned int,
			  const char *) __attribute__((__nothrow__, __leaf__))
__attribute__((__noreturn__));
void reach_error() { __assert_fail("0", "reach_error_assert.c", 3, "reach_error"); }

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int a, b;

void *writer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	a = a + 1;
	b = b + 1;
	pthread_mutex_unlock(&m);
	return 0;
}

void *reader(void *arg)
{
	int ok;

	(void)arg;
	pthread_mutex_lock(&m);
	ok = a == b;
	pthread_mutex_unlock(&m);
	if (!ok) {
		reach_error(); /* the violation */
		abort();
	}
	return 0;
}

int main(void)
{
	pthread_t w, r;

	pthread_create(&w, 0, writer, 0);
	pthread_create(&r, 0, reader, 0);
	pthread_join(w, 0);
	pthread_join(r, 0);
	return 0;
}
