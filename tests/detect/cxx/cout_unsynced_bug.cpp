//! expect: bug data-race
/* Two threads print to std::cout after std::ios_base::sync_with_stdio
 * (false): the standard makes concurrent use of a standard stream free
 * of data races only while it is synchronised with stdio.  weft left the
 * standard streams out of its stream checks even then, and this was
 * verified (a review's probe).  cout_unsynced_ok.cpp keeps the streams
 * synchronised. */
#include <iostream>
#include <thread>

int main()
{
#ifndef OK
	std::ios_base::sync_with_stdio(false);
#endif
	std::thread a([] { std::cout << "aaaa" << 1 << '\n'; });
	std::thread b([] { std::cout << "bbbb" << 2 << '\n'; });
	a.join();
	b.join();
	return 0;
}
