//! expect: verified
//! args: --strategy=dfs
/* std::future::get waits on a futex inside libstdc++ (syscall(SYS_futex)
 * from libstdc++.so), which weft models (src/pthread/futex.c): the value
 * and everything the setter wrote before set_value are seen after get. */
#include <cassert>
#include <future>
#include <thread>

static int data;

int main()
{
	std::promise<int> p;
	auto f = p.get_future();
	std::thread t([&p] {
		data = 3;
		p.set_value(7);
	});

	assert(f.get() == 7);
	assert(data == 3);
	t.join();
	return 0;
}
