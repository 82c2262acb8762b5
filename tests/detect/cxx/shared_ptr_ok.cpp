//! expect: verified
//! args: --strategy=dfs
/* Copies of one std::shared_ptr handed to two std::threads; the owner
 * resets its own while they run, and the last copy destroys the object.
 * libstdc++ counts the references atomically only once the process is
 * not single-threaded, which glibc notes in pthread_create: weft clears
 * the same flag (__libc_single_threaded), or the counts would go the
 * non-atomic way and race.  shared_ptr_bug.cpp shares the pointer itself
 * by reference instead of a copy. */
#include <memory>
#include <thread>
#include <vector>

struct S {
	int v = 1;
	~S() { v = 0; }
};

int seen[2];

int main()
{
	auto p = std::make_shared<S>();
	std::vector<std::thread> ts;

	for (int i = 0; i < 2; i++) {
		auto q = p;
		ts.emplace_back([q, i] { seen[i] = q->v; });
	}
	p.reset();
	for (auto &t : ts)
		t.join();
	return 0;
}
