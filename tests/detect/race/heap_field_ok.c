//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of heap_field_bug.c: every access to the heap object's
 * shared fields takes its mutex, and the object is freed after the joins. */
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

static void peek_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&o->lock);
	o->seen = o->count;
	weft_mutex_unlock(&o->lock);
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
	weft_assert(o->count == 1 && o->total == 10 && o->seen <= 1);
	weft_free(o);
}

WEFT_TEST(peek_then_bump)
{
	two(peek_locked, bump_locked);
}

WEFT_TEST(bump_then_peek)
{
	two(bump_locked, peek_locked);
}
