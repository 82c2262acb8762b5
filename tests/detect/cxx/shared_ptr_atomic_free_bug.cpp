//! expect: bug use-after-free
/* The C++11 atomic functions on shared_ptr (std::atomic_load,
 * std::atomic_store, std::atomic_compare_exchange_weak) lock a mutex of
 * a pool inside libstdc++.so, which called glibc's lock: a second test
 * thread blocked the one operating system thread on it (a 60 s hang),
 * and then the correct twin was a data race (a helper's probe).  Such a
 * lock is now a lock of weft's (src/pthread/cxx_rt_sync.c).  Here the
 * reader copies the pointer without them: it may take the old count
 * after the writer dropped the last reference (a use-after-free);
 * shared_ptr_atomic_free_ok.cpp uses them on both sides. */
#include <atomic>
#include <cassert>
#include <memory>
#include <thread>

struct Config {
	int v;
};
static std::shared_ptr<Config> cfg = std::make_shared<Config>(Config{ 1 });

int main()
{
	std::thread w([] {
		std::atomic_store(&cfg, std::make_shared<Config>(Config{ 2 }));
	});
	std::thread r([] {
#ifdef OK
		auto c = std::atomic_load(&cfg);
		auto want = c;
		std::atomic_compare_exchange_weak(&cfg, &want, c);
#else
		auto c = cfg;
#endif
		assert(c->v == 1 || c->v == 2);
	});
	w.join();
	r.join();
	assert(std::atomic_load(&cfg)->v == 2);
}
