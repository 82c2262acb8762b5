//! expect: verified
//! args: --strategy=dfs
/* iostream_bug.cpp with the check and the withdrawal in one critical
 * section: the balance never goes below zero.  Every execution prints with
 * std::cout, std::cerr and std::clog (through libstdc++'s calls of fwrite,
 * putc and fflush; with the argument "unsync", after
 * std::ios::sync_with_stdio(false), through write and writev), and none of
 * it reaches the terminal (tests/cli/iostream.sh). */
#include <cassert>
#include <cstring>
#include <iostream>
#include <mutex>
#include <thread>

static std::mutex m;
static int balance = 100;

static void teller(const char *name, int amount)
{
	std::lock_guard<std::mutex> g(m);
	if (balance < amount) {
		std::cerr << name << ": refused " << amount << '\n';
		return;
	}
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
	std::cout << "closing with " << balance << '\n';
	assert(balance >= 0);
	return 0;
}
