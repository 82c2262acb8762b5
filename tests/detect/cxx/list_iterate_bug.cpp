//! expect: bug data-race
/* An event list: a producer appends, a consumer counts the events
 * without the lock while push_back links a node.  std::list hooks its
 * nodes in libstdc++.so's _List_node_base::_M_hook, which weft did not
 * see: verified in one schedule (a probe; random schedules found it).
 * list_iterate_ok.cpp takes the lock in the consumer too. */
#ifndef OK
#define BUG
#endif
#include <cassert>
#include <list>
#include <mutex>
#include <thread>

static std::mutex m;
static std::list<int> events = {1, 2};

int main()
{
	std::thread consumer([] {
#ifndef BUG
		std::lock_guard<std::mutex> g(m);
#endif
		int n = 0;
		for (int e : events)
			n += e;
		assert(n == 3 || n == 6 || n == 10);
	});
	std::thread producer([] {
		std::lock_guard<std::mutex> g(m);
		events.push_back(3);
		events.push_back(4);
	});
	consumer.join(); producer.join();
	return 0;
}
