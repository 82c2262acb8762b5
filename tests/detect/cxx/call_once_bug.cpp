//! expect: bug data-race
//! args: --strategy=dfs --exit-status=any
/* call_once_ok.cpp with a plain flag in place of std::call_once: both
 * threads may run the initialiser, and the flag itself races. */
#include <thread>

static bool initialised;
static int inits;

int main()
{
	auto work = [] {
		if (!initialised) {
			inits++;
			initialised = true;
		}
	};
	std::thread a(work), b(work);
	a.join();
	b.join();
	return inits == 1 ? 0 : 1;
}
