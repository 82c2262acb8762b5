// onstack_rcu_head_bug's functions wait for their callback (rcu_barrier)
// before returning; completion_wait waits instead for a completion the
// callback signals, as synchronize_rcu's own wait does (the callback is
// still running when the frame returns, and reads nothing of the head
// after the complete()); heap_head queues a head in the heap and
// returns at once.
//! expect(inlined): verified
//! expect(noinline): verified
//! expect(no_destroy): verified
//! expect(in_thread): verified
//! expect(completion_wait): verified
//! expect(heap_head): verified
#define OK
#include "onstack_rcu_head_bug.c"

struct rcu_wait {
	struct rcu_head head;
	struct completion done;
};

static void wake_cb(struct rcu_head *h)
{
	complete(&container_of(h, struct rcu_wait, head)->done);
}

static noinline void wait_gp(void)
{
	struct rcu_wait w;

	init_rcu_head_on_stack(&w.head);
	init_completion(&w.done);
	call_rcu(&w.head, wake_cb);
	wait_for_completion(&w.done);
	destroy_rcu_head_on_stack(&w.head);
}

WEFT_TEST(completion_wait)
{
	wait_gp();
	other_stuff();
	wait_gp();
	rcu_barrier();
}

static void free_cb(struct rcu_head *h)
{
	kfree(container_of(h, struct holder, head));
}

static noinline void fire_heap(void)
{
	struct holder *p = kmalloc(sizeof *p, GFP_KERNEL);

	if (!p)
		return;
	p->tag = 3;
	call_rcu(&p->head, free_cb);
}

WEFT_TEST(heap_head)
{
	fire_heap();
	other_stuff();
	rcu_barrier();
}
