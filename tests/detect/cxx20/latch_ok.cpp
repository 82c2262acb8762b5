//! expect: verified
//! args: --strategy=dfs
/* A std::latch for two workers: after wait() both workers' writes are
 * seen. */
#include <cassert>
#include <latch>
#include <thread>

static int a, b;

int main()
{
	std::latch done(2);
	std::thread t1([&] {
		a = 1;
		done.count_down();
	});
	std::thread t2([&] {
		b = 1;
		done.count_down();
	});

	done.wait();
	assert(a + b == 2);
	t1.join();
	t2.join();
	return 0;
}
