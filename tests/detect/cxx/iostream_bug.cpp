//! expect: bug assertion
//! args: --strategy=dfs
/* Two tellers withdraw from one account and print what they did with
 * std::cout, std::cerr and std::clog in every execution.  Each checks
 * the balance and withdraws under the lock, but in two critical sections:
 * both may see 100 and withdraw 70, and the balance ends at -40.  The
 * output of thousands of executions must not reach the terminal; the
 * failing execution's is shown once, under the report
 * (tests/cli/iostream.sh), with the argument "unsync" too.
 * iostream_ok.cpp checks and withdraws in one
 * critical section. */
#include <cassert>
#include <cstring>
#include <iostream>
#include <mutex>
#include <thread>

static std::mutex m;
static int balance = 100;

static void teller(const char *name, int amount)
{
	bool enough;
	{
		std::lock_guard<std::mutex> g(m);
		enough = balance >= amount;
	}
	if (!enough) {
		std::cerr << name << ": refused " << amount << '\n';
		return;
	}
	std::lock_guard<std::mutex> g(m);
	balance -= amount;
	std::cout << name << ": withdrew " << amount << ", balance "
		  << balance << std::endl;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "unsync"))
		std::ios::sync_with_stdio(false);
	std::clog << "opening with " << balance << std::endl;
	std::thread a(teller, "alice", 70);
	std::thread b(teller, "bob", 70);
	a.join();
	b.join();
	std::cout << "closing with " << balance << std::endl;
	assert(balance >= 0);
	return 0;
}
