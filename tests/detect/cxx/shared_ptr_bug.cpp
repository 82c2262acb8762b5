//! expect: bug use-after-free
//! args: --strategy=dfs
/* shared_ptr_ok.cpp's mistake: the thread captures the shared_ptr by
 * reference, not a copy, so the owner's reset may destroy the object
 * while the thread still reads it (use-after-free; the unsynchronised
 * use of the shared_ptr object itself is also a data race). */
#include <memory>
#include <thread>

struct S {
	int v = 1;
};

int seen;

int main()
{
	auto p = std::make_shared<S>();
	std::thread t([&p] {
		if (p)
			seen = p->v;
	});
	p.reset();
	t.join();
	return 0;
}
