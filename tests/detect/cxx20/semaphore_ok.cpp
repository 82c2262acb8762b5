//! expect: verified
//! args: --strategy=dfs
/* A binary std::counting_semaphore as a lock: one thread at a time in
 * the critical section. */
#include <cassert>
#include <semaphore>
#include <thread>

static std::counting_semaphore<2> slots(1);
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
