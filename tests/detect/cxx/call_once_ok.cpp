//! expect: verified
//! args: --strategy=dfs
/* Two std::threads run an initialiser through std::call_once: it runs
 * once, and both see its effect (call_once_bug.cpp checks a flag
 * instead, which races). */
#include <atomic>
#include <cassert>
#include <mutex>
#include <thread>

static std::once_flag flag;
static int inits;
static std::atomic<int> done{ 0 };

int main()
{
	auto work = [] {
		std::call_once(flag, [] { inits++; });
		assert(inits == 1);
		done.fetch_add(1);
	};
	std::thread a(work), b(work);
	a.join();
	b.join();
	assert(inits == 1 && done == 2);
	return 0;
}
