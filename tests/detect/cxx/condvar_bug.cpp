//! expect: bug deadlock
//! args: --strategy=dfs
/* condvar_ok.cpp with the wait not guarded by the predicate: when the
 * producer notifies before the consumer waits, the notification is lost
 * and the consumer waits for ever. */
#include <condition_variable>
#include <mutex>
#include <thread>

static std::mutex m;
static std::condition_variable cv;
static int data;

int main()
{
	std::thread producer([] {
		std::lock_guard<std::mutex> g(m);
		data = 42;
		cv.notify_one();
	});
	{
		std::unique_lock<std::mutex> l(m);
		cv.wait(l);
	}
	producer.join();
	return data == 42 ? 0 : 1;
}
