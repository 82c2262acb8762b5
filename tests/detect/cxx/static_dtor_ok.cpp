//! expect: verified
//! args: --strategy=dfs
/* The twin of static_dtor_bug.cpp: main joins the reader before it
 * returns, so the static string's destructor runs after the last read.  A
 * function-local static, constructed (and registered) during the
 * execution, is destroyed at its end too, and finds what it expects. */
#include <cstdio>
#include <pthread.h>
#include <string>

static std::string config(100, 'x');

struct registry {
	std::string names[1] = { "first" };
	~registry() { std::printf("%s\n", names[0].c_str()); }
	size_t size() const { return 1; }
};

static registry &local()
{
	static registry r;
	return r;
}

static void *reader(void *)
{
	std::printf("%c\n", config[50]);
	return nullptr;
}

int main()
{
	pthread_t t;

	pthread_create(&t, nullptr, reader, nullptr);
	pthread_join(t, nullptr);
	return local().size() == 1 ? 0 : 1;
}
