//! expect: verified
//! args: --strategy=dfs
/* C++20's std::atomic::wait and notify_one: libstdc++ spins a little,
 * then waits on a futex (syscall(SYS_futex) from its headers). */
#include <atomic>
#include <cassert>
#include <thread>

static std::atomic<int> flag{0};
static int data;

int main()
{
	std::thread t([] {
		data = 1;
		flag.store(1);
		flag.notify_one();
	});

	flag.wait(0);
	assert(data == 1);
	t.join();
	return 0;
}
