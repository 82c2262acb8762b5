//! expect: bug data-race
//! args: --strategy=dfs
/* static_init_ok.cpp, but the static is changed after its initialisation
 * without a lock: the initialisation itself is safe, the later write is a
 * race with the other thread's read. */
#include <pthread.h>

struct Config {
	int a, b;
	Config() : a(1), b(2) {}
};

static Config &config()
{
	static Config c;
	return c;
}

int sum; /* not static: the read must stay */

static void *writer(void *)
{
	config().a = 5;
	return nullptr;
}

static void *reader(void *)
{
	sum = config().a;
	return nullptr;
}

int main()
{
	pthread_t t1, t2;

	pthread_create(&t1, nullptr, writer, nullptr);
	pthread_create(&t2, nullptr, reader, nullptr);
	pthread_join(t1, nullptr);
	pthread_join(t2, nullptr);
	return 0;
}
