//! expect: verified
//! args: --strategy=dfs
/* Two std::threads add to a counter under a std::mutex and are joined.
 * std::thread starts and joins its threads inside libstdc++, whose calls
 * of pthread_create and pthread_join weft receives by symbol. */
#include <cassert>
#include <mutex>
#include <thread>

static int counter;
static std::mutex m;

int main()
{
	auto work = [] {
		for (int i = 0; i < 2; i++) {
			std::lock_guard<std::mutex> g(m);
			counter++;
		}
	};
	std::thread a(work), b(work);
	a.join();
	b.join();
	assert(counter == 4);
	return 0;
}
