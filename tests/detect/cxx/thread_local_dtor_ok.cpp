//! expect: verified
//! args: --strategy=dfs
/* Each thread counts in a thread_local object and adds its count to the
 * total, under a mutex, in the object's destructor, which runs as the
 * thread ends (before its join returns).  weft once never ran these
 * destructors: the total stayed 0 and main's check failed, and a
 * thread_local std::string was reported as a leak.  main's own
 * thread_local is destroyed at exit, as natively.
 * thread_local_dtor_bug.cpp adds without the mutex. */
#include <mutex>
#include <string>
#include <thread>

static std::mutex m;
static int total;

struct counter {
	int n = 0;
	std::string label = std::string(40, 'c'); /* a heap block of its own */
	~counter()
	{
		std::lock_guard<std::mutex> g(m);
		total += n;
	}
};

static thread_local counter mine;

static void work()
{
	mine.n += 2;
}

int main()
{
	std::thread a(work), b(work);

	a.join();
	b.join();
	mine.n = 0;
	return total == 4 ? 0 : 1;
}
