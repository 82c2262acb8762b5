//! expect: bug data-race
//! args: --strategy=dfs --exit-status=any
/* The twin of thread_local_dtor_ok.cpp: the thread_local destructors add
 * to the total without the mutex, and the two threads' destructors race
 * (the exit status, 1 when an update is lost, is left out of the verdict:
 * the race is what is tested). */
#include <string>
#include <thread>

static int total;

struct counter {
	int n = 0;
	std::string label = std::string(40, 'c'); /* a heap block of its own */
	~counter()
	{
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
