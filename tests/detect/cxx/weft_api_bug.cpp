//! expect: bug data-race
//! args: --strategy=dfs
// weft's own API from C++: WEFT_TEST, weft_spawn, weft_join and a weft
// mutex, with <weft/weft.h> included as any C++ header is.  The headers
// had no extern "C", so every call was to a C++-mangled name and the
// link failed ("undefined reference to weft_spawn_at(...)").  Here one
// worker forgets the lock; weft_api_ok.cpp takes it in both.
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static int counter;

static void locked(void *)
{
	weft_mutex_lock(&m);
	counter++;
	weft_mutex_unlock(&m);
}

static void unlocked(void *)
{
#ifdef WEFT_API_OK
	weft_mutex_lock(&m);
#endif
	counter++;
#ifdef WEFT_API_OK
	weft_mutex_unlock(&m);
#endif
}

WEFT_TEST(cxx_api)
{
	weft_thread_t a = weft_spawn(locked, nullptr);
	weft_thread_t b = weft_spawn(unlocked, nullptr);
	weft_join(a);
	weft_join(b);
#ifdef WEFT_API_OK
	weft_assert(counter == 2);
#endif
}
