//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of neighbour_field_bug.c: s.a is only touched under the
 * mutex, while s.b and the byte flags are written by one thread each with
 * no lock at all.  Accesses to disjoint bytes of a granule do not race,
 * whatever their sizes, so this is verified. */
#include <weft/weft.h>

static struct {
	int a;
	int b;
} s;
static struct {
	char f[4];
	short h;
	short g;
} flags;
static weft_mutex_t m = WEFT_MUTEX_INIT;

static void read_a(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	int v = s.a;
	weft_mutex_unlock(&m);
	weft_assert(v == 0 || v == 1);
}

static void write_a(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	s.a = 1;
	weft_mutex_unlock(&m);
}

static void write_b(void *arg)
{
	(void)arg;
	s.b = 2;
	flags.f[1] = 1;
	flags.g = 3;
}

static void write_flags(void *arg)
{
	(void)arg;
	flags.f[0] = 1;
	flags.f[2] = 1;
	flags.h = 2;
}

static void check(void)
{
	weft_assert(s.a == 1 && s.b == 2);
	weft_assert(flags.f[0] + flags.f[1] + flags.f[2] == 3);
	weft_assert(flags.h == 2 && flags.g == 3);
}

WEFT_TEST(read_then_neighbour_write)
{
	weft_thread_t x = weft_spawn(read_a, 0), y = weft_spawn(write_b, 0);
	weft_thread_t z = weft_spawn(write_a, 0);
	weft_thread_t w = weft_spawn(write_flags, 0);
	weft_join(x);
	weft_join(y);
	weft_join(z);
	weft_join(w);
	check();
}

WEFT_TEST(write_then_neighbour_write)
{
	weft_thread_t x = weft_spawn(write_a, 0), y = weft_spawn(write_b, 0);
	weft_thread_t z = weft_spawn(read_a, 0);
	weft_thread_t w = weft_spawn(write_flags, 0);
	weft_join(x);
	weft_join(y);
	weft_join(z);
	weft_join(w);
	check();
}
