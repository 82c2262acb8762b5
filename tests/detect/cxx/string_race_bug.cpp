//! expect: bug crash
//! args: --strategy=dfs
/* Two threads assign one global std::string without a lock.  With the
 * default standard, std::string's members were libstdc++.so's (extern
 * templates), which weft does not see, and this was verified; weft-c++
 * now has the program build its own, instrumented copy
 * (-D_GLIBCXX_ASSERTIONS).  The races are reported, and exploring their
 * consequences finds the worst: one assignment reads the length the other
 * is writing, and copies 2^32 - 1 bytes (a crash).  string_race_ok takes
 * a mutex. */
#include <string>
#include <thread>

static std::string name = "initial";

int main()
{
	std::thread a([] { name = "alice"; });
	std::thread b([] { name = "bob"; });

	a.join();
	b.join();
	return name.empty() ? 1 : 0;
}
