//! expect: bug use-after-free
//! args: --strategy=dfs
/* kfree in one thread while another still reads a field of the object
 * through a marked access.  The default schedule reads first; only the
 * free being ordered against every access inside its block lets the
 * explorer try the free before the read. */
#include <weft/linux.h>

struct obj {
	int a;
	int b;
	atomic_t refs;
};

static void freer(void *arg)
{
	kfree(arg);
}

WEFT_TEST(free_while_reading)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);
	weft_thread_t t = weft_spawn(freer, o);

	weft_assert(READ_ONCE(o->b) == 0);
	atomic_inc(&o->refs);
	weft_join(t);
}
