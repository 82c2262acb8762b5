//! expect: bug use-after-free
//! args: --strategy=dfs
/* The classic end-of-program race of C++: main returns while a detached
 * thread still reads a static std::string, and the string's destructor
 * (registered with __cxa_atexit when it was constructed, before main)
 * frees its buffer under the reader.  weft runs the static destructors at
 * every execution's exit, as the C library does at the process's.
 * static_dtor_ok.cpp joins the reader first. */
#include <cstdio>
#include <pthread.h>
#include <string>

static std::string config(100, 'x');

static void *reader(void *)
{
	std::printf("%c\n", config[50]);
	return nullptr;
}

int main()
{
	pthread_t t;

	pthread_create(&t, nullptr, reader, nullptr);
	pthread_detach(t);
	return 0;
}
