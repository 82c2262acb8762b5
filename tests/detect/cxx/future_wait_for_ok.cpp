//! expect: verified
//! args: --strategy=dfs
/* A poll with a timeout: wait_for's futex wait may time out (an explored
 * choice) and the loop tries again until the value is there. */
#include <cassert>
#include <chrono>
#include <future>
#include <thread>

int main()
{
	std::promise<int> p;
	auto f = p.get_future();
	std::thread t([&p] { p.set_value(7); });

	while (f.wait_for(std::chrono::milliseconds(10)) !=
	       std::future_status::ready) {
	}
	assert(f.get() == 7);
	t.join();
	return 0;
}
