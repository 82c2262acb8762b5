//! expect: bug data-race
//! args: --strategy=dfs --preemption-bound=unbounded
/* Needs weft-cc's instrumentation: races on a heap object (weft_malloc)
 * are found like races on globals: an unlocked read of a field that its
 * owner updates under the object's own mutex, with the reader recording
 * what it saw in the next field; and an unlocked write racing with a
 * locked read.  The correct twin is heap_field_ok.c. */
#include <weft/weft.h>

struct obj {
	weft_mutex_t lock;
	int count;
	int seen;
	long total;
};

static struct obj *o;

static void bump_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&o->lock);
	o->count++;
	o->total += 10;
	weft_mutex_unlock(&o->lock);
}

static void peek_unlocked(void *arg)
{
	(void)arg;
	o->seen = o->count;
}

static void read_total_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&o->lock);
	long t = o->total;
	weft_mutex_unlock(&o->lock);
	weft_assert(t == 0 || t == 10 || t == 7);
}

static void reset_total_unlocked(void *arg)
{
	(void)arg;
	o->total = 7;
}

static void two(void (*first)(void *), void (*second)(void *))
{
	o = weft_malloc(sizeof *o);
	weft_mutex_init(&o->lock, "obj->lock");
	o->count = o->seen = 0;
	o->total = 0;
	weft_thread_t a = weft_spawn_at(first, 0, "first", NULL);
	weft_thread_t b = weft_spawn_at(second, 0, "second", NULL);
	weft_join(a);
	weft_join(b);
	weft_free(o);
}

WEFT_TEST(unlocked_peek_then_locked_bump)
{
	two(peek_unlocked, bump_locked);
}

WEFT_TEST(locked_bump_then_unlocked_peek)
{
	two(bump_locked, peek_unlocked);
}

WEFT_TEST(locked_read_then_unlocked_write)
{
	two(read_total_locked, reset_total_unlocked);
}
