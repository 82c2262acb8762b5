//! expect: bug use-after-free
//! args: --strategy=dfs
/* premain_map_ok.cpp with a reader that does not take the mutex: it finds
 * the "beta" node of the global std::map built before main, and the other
 * thread erases that node under the mutex before the reader reads its
 * value.  The map's nodes, allocated with operator new by its static
 * initialiser, are tracked blocks like those of an execution, so the read
 * is a use-after-free (it went unseen when they were libc's). */
#include <map>
#include <mutex>
#include <pthread.h>
#include <string>

static std::map<std::string, int> table = { { "alpha", 1 }, { "beta", 2 } };
static std::mutex m;
int seen; /* not static: the read must stay */

static void *peek(void *)
{
	auto it = table.find("beta");
	m.lock();
	m.unlock();
	if (it != table.end())
		seen = it->second;
	return nullptr;
}

static void *drop(void *)
{
	std::lock_guard<std::mutex> g(m);
	table.erase("beta");
	return nullptr;
}

int main()
{
	pthread_t a, b;

	pthread_create(&a, nullptr, peek, nullptr);
	pthread_create(&b, nullptr, drop, nullptr);
	pthread_join(a, nullptr);
	pthread_join(b, nullptr);
	return 0;
}
