//! expect: bug assertion
//! args: --strategy=dfs
/* Store buffering across compare-and-swaps of two different variables,
 * from a function template, as a C++ program spells GCC's __sync builtins.
 * With std::atomic's seq_cst compare_exchange_strong both relaxed loads
 * may read 0 (a seq_cst RMW orders the relaxed accesses around it with
 * nothing); with __sync_bool_compare_and_swap, a full barrier (the ok
 * twin), they may not.  weft took the __sync form for the C11 one. */
#include <atomic>
#include <cassert>
#include <thread>

static std::atomic<int> x{ 0 }, y{ 0 };
static int a, b;
static int r1, r2;

template <class T> static bool claim(T *p)
{
#ifdef OK
	return __sync_bool_compare_and_swap(p, T(0), T(1));
#else
	T expected = 0;
	return __atomic_compare_exchange_n(p, &expected, T(1), false,
					   __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
#endif
}

int main()
{
	std::thread t1([] {
		x.store(1, std::memory_order_relaxed);
		claim(&a);
		r1 = y.load(std::memory_order_relaxed);
	});
	std::thread t2([] {
		y.store(1, std::memory_order_relaxed);
		claim(&b);
		r2 = x.load(std::memory_order_relaxed);
	});
	t1.join();
	t2.join();
	assert(!(r1 == 0 && r2 == 0));
	return 0;
}
