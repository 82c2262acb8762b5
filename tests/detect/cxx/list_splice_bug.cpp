//! expect: bug data-race
/* A reader walks a list without the lock while a writer splices another
 * list into it and reverses it under the lock.  std::list's splice,
 * sort, merge and reverse relink nodes in libstdc++.so's
 * _List_node_base::_M_transfer and _M_reverse, which weft did not see:
 * verified in one schedule (a review's probe).  list_splice_ok.cpp walks
 * under the lock too. */
#include <list>
#include <mutex>
#include <thread>

static std::mutex mu;
static std::list<int> a = {1, 2, 3}, b = {4, 5};

int main()
{
	std::thread w([] {
		std::lock_guard<std::mutex> g(mu);
		a.splice(a.begin(), b);
		a.reverse();
	});
	std::thread r([] {
#ifdef OK
		std::lock_guard<std::mutex> g(mu);
#endif
		int s = 0;
		for (int x : a)
			s += x;
		(void)s;
	});
	w.join();
	r.join();
	return 0;
}
