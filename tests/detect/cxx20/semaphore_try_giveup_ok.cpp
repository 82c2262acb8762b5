//! expect: verified
// std::binary_semaphore::try_acquire may fail while another thread's
// release has not happened yet (libstdc++ 12 tries 16 times, with pauses
// and then yields, before it gives up).  weft verified the bug twin, which
// asserts that it succeeds: see tests/detect/sound/retry_cut_after_store_ok.c.
// This twin takes the semaphore with acquire when the try fails.
#include <cassert>
#include <semaphore>
#include <thread>

static std::binary_semaphore sem(0);

int main()
{
	std::thread t([] { sem.release(); });
	bool ok = sem.try_acquire();
#ifndef ASSERT_TRY
	if (!ok) {
		sem.acquire();
		ok = true;
	}
#endif
	t.join();
	assert(ok);
	return 0;
}
