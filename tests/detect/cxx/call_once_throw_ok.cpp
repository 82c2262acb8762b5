//! expect: verified
//! args: --strategy=dfs
/* An initialiser that throws leaves the once_flag unset
 * ([thread.once.callonce]), so the next std::call_once runs it again:
 * here the first attempt of whichever thread comes first throws, and both
 * threads retry until one succeeds.  weft's pthread_once stayed "running"
 * when its initialiser left by an exception, and this was a false
 * deadlock (a probe of C++ programs).  call_once_throw_bug.cpp expects
 * the initialiser to have run only once. */
#include <cassert>
#include <mutex>
#include <thread>

static std::once_flag flag;
static int attempts, value;

static void init()
{
	if (attempts++ == 0)
		throw 1;
	value = 42;
}

static void use()
{
	for (;;) {
		try {
			std::call_once(flag, init);
			break;
		} catch (int) {
		}
	}
	assert(value == 42);
}

int main()
{
	std::thread a(use), b(use);

	a.join();
	b.join();
#ifdef ONCE_ONLY
	assert(attempts == 1);
#else
	assert(attempts == 2);
#endif
	return 0;
}
