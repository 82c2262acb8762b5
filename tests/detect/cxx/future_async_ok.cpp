//! expect: verified
//! args: --strategy=dfs
/* std::async with launch::async runs each call on its own thread; get()
 * waits for it on libstdc++'s futex. */
#include <cassert>
#include <future>

static int twice(int x)
{
	return 2 * x;
}

int main()
{
	auto a = std::async(std::launch::async, twice, 2);
	auto b = std::async(std::launch::async, twice, 3);

	assert(a.get() + b.get() == 10);
	return 0;
}
