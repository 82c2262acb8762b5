//! expect: verified
//! args: --strategy=dfs
/* string_race_bug's twin: the assignments hold a mutex. */
#include <mutex>
#include <string>
#include <thread>

static std::string name = "initial";
static std::mutex m;

int main()
{
	std::thread a([] {
		std::lock_guard<std::mutex> g(m);
		name = "alice";
	});
	std::thread b([] {
		std::lock_guard<std::mutex> g(m);
		name = "bob";
	});

	a.join();
	b.join();
	return name.empty() ? 1 : 0;
}
