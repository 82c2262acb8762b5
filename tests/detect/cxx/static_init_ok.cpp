//! expect: verified
//! args: --strategy=dfs
/* Two threads call a function whose local static has a constructor: one
 * thread runs it, the other waits for it (__cxa_guard_acquire and
 * __cxa_guard_release), and both see the initialised object.  The
 * constructor runs once in every execution. */
#include <cassert>
#include <pthread.h>

static int constructed;

struct Config {
	int a, b;
	Config() : a(1), b(2) { constructed++; }
};

static Config &config()
{
	static Config c;
	return c;
}

static void *worker(void *)
{
	Config &c = config();
	assert(c.a == 1 && c.b == 2);
	return nullptr;
}

int main()
{
	pthread_t t1, t2;

	pthread_create(&t1, nullptr, worker, nullptr);
	pthread_create(&t2, nullptr, worker, nullptr);
	pthread_join(t1, nullptr);
	pthread_join(t2, nullptr);
	assert(constructed == 1);
	return 0;
}
