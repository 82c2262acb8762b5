//! expect: inconclusive
//! args: --strategy=dfs
/* std::future::get waits on a futex inside libstdc++, which weft does not
 * model: the execution ends at once as inconclusive ("unsupported:
 * futex"), never as a verdict and never after a minute's hang (it did
 * before syscall() was interposed, src/pthread/syscall.c). */
#include <cassert>
#include <future>
#include <thread>

int main()
{
	std::promise<int> p;
	auto f = p.get_future();
	std::thread t([&p] { p.set_value(7); });

	assert(f.get() == 7);
	t.join();
	return 0;
}
