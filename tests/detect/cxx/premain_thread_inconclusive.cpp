//! expect: inconclusive
/* A thread pool made by a static object's constructor, before main, and
 * joined by its destructor at exit.  weft runs constructors once, before
 * its executions, and cannot schedule a thread made there (it is not even
 * in the worker process, which a fork copies without it): the destructor's
 * join was a false "misuse" (an ID no pthread_create returned).  Now every
 * execution is inconclusive, saying why.  premain_thread_joined_ok.c
 * creates and joins its thread before main, which is fine. */
#include <atomic>
#include <thread>
#include <vector>

struct Pool {
	std::vector<std::thread> threads;
	std::atomic<int> n{0};
	Pool()
	{
		for (int i = 0; i < 2; i++)
			threads.emplace_back([this] { n += 1; });
	}
	~Pool()
	{
		for (auto &t : threads)
			t.join();
	}
};

static Pool pool;

int main()
{
	return 0;
}
