//! expect: bug data-race
//! args: --strategy=dfs --exit-status=any
/* Two pthreads increment a counter held in a C++ object without a lock:
 * a data race (counter_ok.cpp holds a std::mutex around it). */
#include <pthread.h>

struct Counter {
	long n = 0;
	void add() { n++; }
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
	return c.n == 2 ? 0 : 1;
}
