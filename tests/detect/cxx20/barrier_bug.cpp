//! expect: bug data-race
//! args: --strategy=dfs
/* Each thread reads the other's slot before the barrier, while the other
 * may be writing it (barrier_ok reads after). */
#include <barrier>
#include <thread>

static int wrote[2], seen[2];

int main()
{
	std::barrier sync(2);
	auto work = [&](int i) {
		wrote[i] = 1;
		seen[i] = wrote[1 - i];
		sync.arrive_and_wait();
	};
	std::thread t1(work, 0), t2(work, 1);

	t1.join();
	t2.join();
	return seen[0] + seen[1] >= 0 ? 0 : 1;
}
