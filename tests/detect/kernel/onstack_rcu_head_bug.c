// call_rcu() on an rcu_head in a function's stack frame, the function
// returning before the callback ran: the callback reads a frame that is
// gone.  inlined (the function inlined into the test, destroying the head
// with destroy_rcu_head_on_stack) was verified; noinline was a SEGV in
// weft's own callback thread (rcu_cb.c's walk of its queue through the
// overwritten link), blamed on the program with none of its lines;
// no_destroy forgets the annotation too (reported at the return);
// in_thread's frame is a thread's own function, which ends (found by a
// probe of kernel lifetime bugs).  onstack_rcu_head_ok waits for the
// callback before returning: rcu_barrier(), or a completion the callback
// signals as synchronize_rcu's own wakeme_after_rcu does, or a head in
// the heap.
//! expect(inlined): bug use-after-free
//! expect(noinline): bug use-after-free
//! expect(no_destroy): bug use-after-free
//! expect(in_thread): bug use-after-free
#include <linux/completion.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct holder {
	struct rcu_head head;
	int tag;
};

static int seen;

static void cb(struct rcu_head *h)
{
	WRITE_ONCE(seen, container_of(h, struct holder, head)->tag);
}

#ifdef OK
#define WAIT() rcu_barrier()
#else
#define WAIT() ((void)0)
#endif

#define FIRE_BODY()                                                           \
	struct holder s;                                                      \
                                                                              \
	init_rcu_head_on_stack(&s.head);                                      \
	s.tag = 5;                                                            \
	call_rcu(&s.head, cb);                                                \
	WAIT();                                                               \
	destroy_rcu_head_on_stack(&s.head)

static inline __attribute__((always_inline)) void fire_inlined(void)
{
	FIRE_BODY();
}

static noinline void fire_noinline(void)
{
	FIRE_BODY();
}

/* Another call, whose frame takes the place of the one that returned. */
static noinline void other_stuff(void)
{
	volatile long buf[64];

	for (int i = 0; i < 64; i++)
		buf[i] = ~0l;
	(void)buf[3];
}

WEFT_TEST(inlined)
{
	fire_inlined();
	rcu_barrier();
}

WEFT_TEST(noinline)
{
	fire_noinline();
	other_stuff();
	rcu_barrier();
}

static noinline void fire_no_destroy(void)
{
	struct holder s = { .tag = 7 };

	call_rcu(&s.head, cb);
	WAIT();
}

WEFT_TEST(no_destroy)
{
	fire_no_destroy();
	other_stuff();
	rcu_barrier();
}

static void thread_fn(void *arg)
{
	struct holder s = { .tag = 9 };

	(void)arg;
	call_rcu(&s.head, cb);
	WAIT();
}

WEFT_TEST(in_thread)
{
	weft_thread_t t = weft_spawn(thread_fn, NULL);

	weft_join(t);
	rcu_barrier();
}
