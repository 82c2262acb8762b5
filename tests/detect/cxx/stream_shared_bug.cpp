//! expect: bug data-race
/* Two threads log lines into one std::ostringstream without a lock: a
 * data race in the stream (natively, a crash in 3 of 3 runs of a loop of
 * it).  Every access is in libstdc++.so's insertions, which weft did not
 * see: verified in one schedule (a probe).  stream_shared_ok.cpp logs
 * under a mutex, and prints to std::cout without one, which the standard
 * allows (the standard streams are synchronised with stdio). */
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

static std::ostringstream log_;
static std::mutex lm;

static void logline(int id)
{
#ifdef OK
	std::lock_guard<std::mutex> g(lm);
#endif
	log_ << "worker " << id << " done " << 2.5 << '\n';
}

static void hello(int id)
{
	std::cout << "hello from " << id << '\n';
}

int main()
{
	std::thread a(logline, 1), b(logline, 2), c(hello, 3), d(hello, 4);
	a.join();
	b.join();
	c.join();
	d.join();
	return log_.str().size() == 2 * std::string("worker 1 done 2.5\n").size()
		       ? 0
		       : 1;
}
