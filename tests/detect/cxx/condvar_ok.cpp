//! expect: verified
//! args: --strategy=dfs
/* A std::condition_variable handshake: the consumer waits in a loop on
 * the predicate (wait and notify are in libstdc++, which weft receives by
 * symbol, the mutex is the program's). */
#include <cassert>
#include <condition_variable>
#include <mutex>
#include <thread>

static std::mutex m;
static std::condition_variable cv;
static bool ready;
static int data;

int main()
{
	std::thread producer([] {
		std::lock_guard<std::mutex> g(m);
		data = 42;
		ready = true;
		cv.notify_one();
	});
	{
		std::unique_lock<std::mutex> l(m);
		cv.wait(l, [] { return ready; });
		assert(data == 42);
	}
	producer.join();
	return 0;
}
