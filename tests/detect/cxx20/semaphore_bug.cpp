//! expect: bug data-race
//! args: --strategy=dfs
/* The semaphore starts with two slots: both threads enter the critical
 * section together and race on its counters (semaphore_ok has one). */
#include <cassert>
#include <semaphore>
#include <thread>

static std::counting_semaphore<2> slots(2);
static int inside, most;

static void worker()
{
	slots.acquire();
	int now = ++inside;
	if (now > most)
		most = now;
	--inside;
	slots.release();
}

int main()
{
	std::thread t1(worker), t2(worker);

	t1.join();
	t2.join();
	assert(most == 1);
	return 0;
}
