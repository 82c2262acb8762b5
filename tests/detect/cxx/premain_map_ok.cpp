//! expect: verified
//! args: --strategy=dfs
/* A global std::map built by its static initialiser (its nodes allocated
 * with operator new before main) and changed by two threads under a
 * mutex: every execution starts from the map as it was at main's entry,
 * although the one before inserted into it and erased from it.  (Before,
 * the second execution found the first one's map and failed its first
 * assertion.)  premain_map_bug.cpp drops the mutex. */
#include <cassert>
#include <map>
#include <mutex>
#include <pthread.h>
#include <string>

static std::map<std::string, int> table = { { "alpha", 1 }, { "beta", 2 } };
static std::mutex m;

static void *bump(void *)
{
	std::lock_guard<std::mutex> g(m);
	table["alpha"]++;
	table["gamma"] = 3;
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

	assert(table.size() == 2 && table.at("alpha") == 1 &&
	       table.at("beta") == 2);
	pthread_create(&a, nullptr, bump, nullptr);
	pthread_create(&b, nullptr, drop, nullptr);
	pthread_join(a, nullptr);
	pthread_join(b, nullptr);
	assert(table.size() == 2 && table.at("alpha") == 2);
	return 0;
}
