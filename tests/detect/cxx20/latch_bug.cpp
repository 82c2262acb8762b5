//! expect: bug deadlock
//! args: --strategy=dfs
/* The latch counts three arrivals but only two workers arrive: wait()
 * blocks for good on the latch's futex (latch_ok counts two). */
#include <latch>
#include <thread>

int main()
{
	std::latch done(3);
	std::thread t1([&] { done.count_down(); });
	std::thread t2([&] { done.count_down(); });

	done.wait();
	t1.join();
	t2.join();
	return 0;
}
