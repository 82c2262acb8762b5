//! expect: bug deadlock
//! args: --strategy=dfs
/* Each side waits for the other's future before setting its own: both
 * block in libstdc++'s futex wait for good.  future_ok is the twin in
 * which one side sets its value first. */
#include <future>
#include <thread>

int main()
{
	std::promise<int> p, q;
	auto f = p.get_future();
	auto g = q.get_future();
	std::thread t([&] { q.set_value(f.get() + 1); });

	p.set_value(g.get() + 1);
	t.join();
	return 0;
}
