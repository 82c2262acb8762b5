//! expect: verified
//! args: --strategy=dfs
/* A constructor that creates a thread and joins it before main: nothing
 * of it is left when main runs, so the test runs as any other (the
 * threads a constructor leaves behind make every execution inconclusive:
 * tests/detect/cxx/premain_thread_inconclusive.cpp). */
#include <pthread.h>

static int table[4];

static void *fill(void *arg)
{
	for (int i = 0; i < 4; i++)
		table[i] = i * i;
	return arg;
}

__attribute__((constructor)) static void setup(void)
{
	pthread_t t;

	pthread_create(&t, NULL, fill, NULL);
	pthread_join(t, NULL);
}

static void *reader(void *arg)
{
	return (void *)(long)table[(long)arg];
}

int main(void)
{
	pthread_t a, b;
	void *x, *y;

	pthread_create(&a, NULL, reader, (void *)1);
	pthread_create(&b, NULL, reader, (void *)3);
	pthread_join(a, &x);
	pthread_join(b, &y);
	return (long)x + (long)y == 10 ? 0 : 1;
}
