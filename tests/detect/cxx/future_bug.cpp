//! expect: bug data-race
//! args: --strategy=dfs
/* The setter writes data after set_value: get() orders nothing after it,
 * so main's read races with the write (future_ok writes before). */
#include <cassert>
#include <future>
#include <thread>

static int data;

int main()
{
	std::promise<int> p;
	auto f = p.get_future();
	std::thread t([&p] {
		p.set_value(7);
		data = 3;
	});

	assert(f.get() == 7);
	int d = data;
	t.join();
	assert(d == 0 || d == 3);
	return 0;
}
