//! expect: bug data-race
//! args: --strategy=dfs --exit-status=any
/* std_thread_ok.cpp without the mutex: the increments race. */
#include <thread>

static int counter;

int main()
{
	auto work = [] {
		for (int i = 0; i < 2; i++)
			counter++;
	};
	std::thread a(work), b(work);
	a.join();
	b.join();
	return counter == 4 ? 0 : 1;
}
