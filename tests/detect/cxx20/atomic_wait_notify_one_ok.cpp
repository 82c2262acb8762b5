//! expect: verified
// Two threads wait on one std::atomic; main stores and notifies.  With
// notify_one (the bug twin) one waiter is woken and the other sleeps for
// ever when both went to sleep first: libstdc++ 12 polls 16 times before
// the futex wait, so both waiters must give up their polls before main's
// store.  weft verified it unless --fair-bound was 40: a give-up probe ran
// the first waiter alone to its futex, and the second, cut by the fairness
// bound in the probe, never got a probe of its own.  Now it does
// (odpor_giveup.c).  This twin notifies all.
#include <atomic>
#include <thread>

static std::atomic<int> word{0};

int main()
{
	std::thread t1([] { word.wait(0); });
	std::thread t2([] { word.wait(0); });
	word.store(1);
#ifdef NOTIFY_ONE
	word.notify_one();
#else
	word.notify_all();
#endif
	t1.join();
	t2.join();
	return 0;
}
