//! expect: bug data-race
//! args: --strategy=dfs
/* The main thread reads what a std::thread writes without waiting for it,
 * and prints what it saw.  A data race does not end the exploration (weft
 * goes on looking for a worse bug), so the execution the report draws is
 * not the last one run: the output shown under the report must be that
 * execution's, whose order of the racing accesses it matches
 * (tests/cli/iostream.sh).  The correct twin, which joins before reading,
 * is iostream_ok.cpp's pattern (the output of every execution kept). */
#include <iostream>
#include <thread>

static int ready;

int main()
{
	std::thread t([] {
		ready = 1;
		std::cout << "worker set ready" << std::endl;
	});
	std::cout << "main saw ready=" << ready << std::endl;
	t.join();
	return 0;
}
