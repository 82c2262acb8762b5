//! expect: bug assertion
//! args: --strategy=dfs
/* The data is written after the flag: the waiter can see the flag and
 * read the data before it is written (atomic_wait_ok writes first). */
#include <atomic>
#include <cassert>
#include <thread>

static std::atomic<int> flag{0};
static std::atomic<int> data{0};

int main()
{
	std::thread t([] {
		flag.store(1);
		flag.notify_one();
		data.store(1);
	});

	flag.wait(0);
	assert(data.load() == 1);
	t.join();
	return 0;
}
