//! expect: verified
//! args: --strategy=dfs
// Try to take a semaphore for 100 ms; nobody
// releases it, so the try times out and the program goes on (libstdc++
// waits on a futex until its deadline: a false livelock when a timeout
// left virtual time where it was).
#include <chrono>
#include <cstdio>
#include <semaphore>
#include <thread>

static std::counting_semaphore<4> sem(0);

int main()
{
	std::thread t([] { std::this_thread::yield(); });
	bool got = sem.try_acquire_for(std::chrono::milliseconds(100));
	std::printf("got=%d\n", got);
	t.join();
	return 0;
}
