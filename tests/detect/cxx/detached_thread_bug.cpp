//! expect: bug leak
//! args: --strategy=dfs
/* As detached_thread_ok.cpp (a detached std::thread, possibly not yet
 * started when main returns), but the thread's function takes the job
 * out of its owner and drops the pointer without deleting it: in the
 * executions where the thread ran to its end, the job is unreachable. */
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
	std::thread t([p = std::move(j)]() mutable {
		job *raw = p.release();
		sink = raw->id;
	});
	t.detach();
	return 0;
}
