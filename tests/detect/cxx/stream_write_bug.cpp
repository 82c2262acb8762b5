//! expect: bug data-race
/* Two threads append binary records to one std::ostringstream with
 * write() and end each with std::endl, without a lock: a data race in the
 * stream ([iostreams.threadsafety]).  Unformatted output (write, put,
 * flush, std::endl) runs in libstdc++.so as the insertions do, and weft
 * saw none of it: verified in one schedule (a probe of C++ programs).
 * stream_write_ok.cpp appends under a mutex, and writes to std::cout
 * without one, which the standard allows. */
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

struct record {
	int id;
	int value;
};

static std::ostringstream journal;
static std::mutex jm;

static void append(int id)
{
	record r{ id, id * 10 };
#ifdef OK
	std::lock_guard<std::mutex> g(jm);
#endif
	journal.write(reinterpret_cast<const char *>(&r), sizeof r);
	journal << std::endl;
}

static void hello(int id)
{
	std::cout.put('0' + (char)id);
	std::cout << std::endl;
}

int main()
{
	std::thread a(append, 1), b(append, 2), c(hello, 3), d(hello, 4);
	a.join();
	b.join();
	c.join();
	d.join();
	return journal.str().size() == 2 * (sizeof(record) + 1) ? 0 : 1;
}
