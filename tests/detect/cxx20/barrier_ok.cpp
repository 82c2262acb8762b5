//! expect: verified
//! args: --strategy=dfs
/* A std::barrier between two threads: what each wrote before
 * arrive_and_wait is seen by the other after it. */
#include <barrier>
#include <cassert>
#include <thread>

static int wrote[2];

int main()
{
	std::barrier sync(2);
	auto work = [&](int i) {
		wrote[i] = 1;
		sync.arrive_and_wait();
		assert(wrote[1 - i] == 1);
	};
	std::thread t1(work, 0), t2(work, 1);

	t1.join();
	t2.join();
	return 0;
}
