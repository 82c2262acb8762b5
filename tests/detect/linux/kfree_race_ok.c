//! expect: verified
//! args: --strategy=dfs
/* The twin of kfree_race_bug: the freeing thread waits until the reader
 * says it is done, so every access happens before the free. */
#include <weft/linux.h>

struct obj {
	int a;
	int b;
	atomic_t refs;
	struct completion done;
};

static void freer(void *arg)
{
	struct obj *o = arg;

	wait_for_completion(&o->done);
	kfree(o);
}

WEFT_TEST(free_after_reading)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);
	weft_thread_t t;

	init_completion(&o->done);
	t = weft_spawn(freer, o);
	weft_assert(READ_ONCE(o->b) == 0);
	atomic_inc(&o->refs);
	complete(&o->done);
	weft_join(t);
}
