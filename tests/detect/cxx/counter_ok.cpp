//! expect: verified
//! args: --strategy=dfs
/* counter_bug.cpp with the increment under a std::mutex: std::mutex's
 * lock and unlock are inline calls of pthread_mutex_lock in the program's
 * own code, which weft-cc redirects to weft's mutex. */
#include <cassert>
#include <mutex>
#include <pthread.h>

struct Counter {
	std::mutex m;
	long n = 0;
	void add()
	{
		std::lock_guard<std::mutex> g(m);
		n++;
	}
};

static void *worker(void *arg)
{
	static_cast<Counter *>(arg)->add();
	return nullptr;
}

int main()
{
	Counter c;
	pthread_t a, b;

	pthread_create(&a, nullptr, worker, &c);
	pthread_create(&b, nullptr, worker, &c);
	pthread_join(a, nullptr);
	pthread_join(b, nullptr);
	assert(c.n == 2);
	return 0;
}
