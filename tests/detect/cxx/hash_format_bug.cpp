//! expect: bug data-race
/* One thread upper-cases a shared name in place while another hashes it
 * with std::hash<std::string>, and two threads format numbers into one
 * scratch buffer with std::to_chars: data races, each on memory only
 * libstdc++.so's code touches (_Hash_bytes reads the characters, the
 * floating to_chars writes the buffer), so weft verified both (a probe
 * of C++ programs).  hash_format_ok.cpp takes a lock for both. */
#include <charconv>
#include <cctype>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

static std::string name = "alice_in_wonderland_the_long_name";
static char scratch[64];
static std::mutex lk;

#ifdef OK
#define GUARD std::lock_guard<std::mutex> g(lk)
#else
#define GUARD (void)lk
#endif

static void normalise()
{
	GUARD;
	for (auto &ch : name)
		ch = (char)std::toupper((unsigned char)ch);
}

static size_t fingerprint()
{
	GUARD;
	return std::hash<std::string>{}(name);
}

static size_t format(double v)
{
	GUARD;
	auto r = std::to_chars(scratch, scratch + sizeof scratch, v);
	return (size_t)(r.ptr - scratch);
}

int main()
{
	size_t h = 0, n1 = 0, n2 = 0;
	std::thread a(normalise), b([&] { h = fingerprint(); });
	a.join();
	b.join();
	std::thread c([&] { n1 = format(3.14159); }),
		d([&] { n2 = format(2.5); });
	c.join();
	d.join();
	return h && n1 && n2 ? 0 : 1;
}
