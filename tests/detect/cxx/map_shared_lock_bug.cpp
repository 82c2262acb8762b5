//! expect: bug assertion
/* A cache: readers look up under a shared lock; the writer inserts under
 * a shared lock too (copy-paste), so it rebalances the map while readers
 * walk it.  std::map links and rebalances its nodes in libstdc++.so's
 * _Rb_tree_insert_and_rebalance, which weft did not see: verified in one
 * schedule (a probe; random schedules found it).  Those functions are
 * received by weft now (src/pthread/cxx_containers.c).  map_shared_lock_ok
 * inserts under a unique lock. */
#ifndef OK
#define BUG
#endif
#include <cassert>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

static std::shared_mutex rw;
static std::map<int, int> cache = {{1, 10}, {2, 20}};

static int lookup(int k)
{
	std::shared_lock<std::shared_mutex> lk(rw);
	auto it = cache.find(k);
	return it == cache.end() ? -1 : it->second;
}

static void insert(int k, int v)
{
#ifdef BUG
	std::shared_lock<std::shared_mutex> lk(rw);
#else
	std::unique_lock<std::shared_mutex> lk(rw);
#endif
	cache[k] = v;
}

int main()
{
	std::thread r1([] { assert(lookup(1) == 10); (void)lookup(3); });
	std::thread r2([] { assert(lookup(2) == 20); });
	std::thread w([] { insert(3, 30); insert(0, 5); });
	r1.join(); r2.join(); w.join();
	assert(lookup(3) == 30);
	return 0;
}
