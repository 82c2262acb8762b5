/* src/linux/rcu_cb_ends.c - the regions an RCU callback is ordered after.
 *
 * The regions that were readers without rcu_read_lock and had ended when
 * a classic callback was queued (weft__lx_rcu_gp_begins): its callback
 * thread acquires them before it runs the callback, as the kernel orders
 * every such region before the end of the grace period the callback
 * waits for.  The caller of call_rcu acquired them once, after its step
 * had published its clock, so the callback, which follows that step,
 * was not ordered after them, and a timer handler that wrote its object
 * just before del_timer() and kfree_rcu() raced with the free (found by
 * a probe of netdev code); the caller, which does not wait, is not
 * ordered after them now.  (A region still running at the call has a
 * section opened then, which the callback waits for.)  Kept beside the
 * queue, one record for each callback with any, so that struct
 * weft_rcu_head keeps its size. */
#include "lx.h"

struct cb_ends {
	unsigned long stamp;
	int n;
	struct cb_ends *next;
	uint32_t c[];
};
static struct cb_ends *ends_list;

void weft__lx_rcu_cb_begin(void)
{
	ends_list = NULL;
}

void weft__lx_rcu_cb_ends_keep(const struct weft_rcu_head *h,
			       const uint32_t *c, int n)
{
	struct cb_ends *e;
	int i = 0;

	while (i < n && !c[i])
		i++;
	if (i == n)
		return;
	e = weft__exec_alloc(sizeof *e + (size_t)n * sizeof c[0]);
	e->stamp = h->stamp;
	e->n = n;
	memcpy(e->c, c, (size_t)n * sizeof c[0]);
	e->next = ends_list;
	ends_list = e;
}

void weft__lx_rcu_cb_ends_acquire(const struct weft_rcu_domain *d,
				  const struct weft_rcu_head *h)
{
	if (d != &weft__lx_rcu_classic)
		return;
	for (struct cb_ends **p = &ends_list; *p; p = &(*p)->next)
		if ((*p)->stamp == h->stamp) {
			weft__vc_acquire(weft__self(), (*p)->c, (*p)->n);
			*p = (*p)->next;
			return;
		}
}
