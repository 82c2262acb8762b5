//! expect: verified
//! args: --strategy=dfs
/* A detached std::thread owns a heap job through its lambda, and main
 * returns, possibly before the thread has started.  libstdc++ hands the
 * thread its state object (the lambda and the job it holds) as
 * pthread_create's argument; a thread that has not started holds it
 * there, so neither block is a leak (LeakSanitizer's answer too).  The
 * buggy twin, detached_thread_bug.cpp, leaks the job. */
#include <memory>
#include <thread>

struct job {
	int id;
};

int sink; // not static: the read must stay

int main()
{
	auto j = std::make_unique<job>();
	j->id = 1;
	std::thread t([p = std::move(j)] { sink = p->id; });
	t.detach();
	return 0;
}
