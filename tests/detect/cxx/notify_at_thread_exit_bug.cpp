//! expect: bug deadlock
/* std::notify_all_at_thread_exit keeps the mutex locked until the thread
 * ends, then unlocks it and notifies: libstdc++ registers that with a key
 * of glibc's, whose destructor glibc runs only when an operating system
 * thread ends, so it never ran and the correct twin was a deadlock (a
 * helper's probe).  The destructors of libstdc++'s keys now run at a test
 * thread's end (src/pthread/cxx_rt_sync.c).  Here ready is never set: the
 * waiter waits for ever after the notification;
 * notify_at_thread_exit_ok.cpp sets it. */
#include <cassert>
#include <condition_variable>
#include <mutex>
#include <thread>

static std::mutex m;
static std::condition_variable cv;
static bool ready;
static int result;

int main()
{
	std::thread t([] {
		std::unique_lock<std::mutex> l(m);
		result = 42;
#ifdef OK
		ready = true;
#endif
		std::notify_all_at_thread_exit(cv, std::move(l));
	});
	t.detach();
	std::unique_lock<std::mutex> l(m);
	cv.wait(l, [] { return ready; });
	assert(result == 42);
}
