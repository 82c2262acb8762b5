/* linux/srcu.h - weft's kernel header tree: maps the kernel's
 * <linux/srcu.h> onto weft's RCU domains (weft/rcu.h).
 *
 * Each srcu_struct is a domain of its own: its read sections may sleep,
 * its grace periods (synchronize_srcu, call_srcu) wait only for its own
 * readers, and its callbacks run in a daemon thread of its own.  Misuse
 * is reported: synchronize_srcu inside a read section of the same
 * srcu_struct (it would wait for itself), srcu_read_unlock without a lock
 * or with an index srcu_read_lock never returned, cleanup_srcu_struct
 * with a reader inside or a callback pending, any use after cleanup, and
 * callbacks still queued when the test ends (srcu_barrier first). */
#ifndef WEFT_KERNEL_LINUX_SRCU_H
#define WEFT_KERNEL_LINUX_SRCU_H
#include <linux/weft_kernel.h>

struct srcu_struct {
	struct weft_rcu_domain weft_dom;
};

#define DEFINE_SRCU(name)                                                     \
	struct srcu_struct name = { WEFT_RCU_DOMAIN_INIT(#name, 1) }
#define DEFINE_STATIC_SRCU(name)                                              \
	static struct srcu_struct name = { WEFT_RCU_DOMAIN_INIT(#name, 1) }

static inline int weft_lx_init_srcu(struct srcu_struct *ssp, const char *name,
				    const struct weft_loc *loc)
{
	/* It allocates its state with GFP_KERNEL. */
	weft_might_sleep("init_srcu_struct", name, loc);
	weft_rcu_domain_init(&ssp->weft_dom, name, 1, loc);
	return 0;
}
#define init_srcu_struct(ssp) weft_lx_init_srcu((ssp), #ssp, WEFT_HERE)
/* It flushes the domain's delayed works, which may sleep. */
#define cleanup_srcu_struct(ssp)                                              \
	(weft_might_sleep("cleanup_srcu_struct", NULL, WEFT_HERE),            \
	 weft_rcu_domain_cleanup(&(ssp)->weft_dom, WEFT_HERE))
#define srcu_read_lock(ssp)                                                   \
	weft_rcu_domain_read_lock(&(ssp)->weft_dom, WEFT_HERE)
#define srcu_read_lock_nmisafe(ssp) srcu_read_lock(ssp)
#define srcu_read_unlock(ssp, idx)                                            \
	weft_rcu_domain_read_unlock(&(ssp)->weft_dom, (idx), WEFT_HERE)
#define srcu_read_unlock_nmisafe(ssp, idx) srcu_read_unlock(ssp, idx)
/* Linux 6.2 on: a section one task enters and another may leave
 * (src/linux/srcu_updown.c); lockdep sees neither call. */
#define srcu_down_read(ssp) weft_kx_srcu_down_read(&(ssp)->weft_dom, WEFT_HERE)
#define srcu_up_read(ssp, idx)                                                \
	weft_kx_srcu_up_read(&(ssp)->weft_dom, (idx), WEFT_HERE)
#define srcu_read_lock_held(ssp)                                              \
	weft_rcu_domain_read_held(&(ssp)->weft_dom)
#define synchronize_srcu(ssp)                                                 \
	weft_rcu_domain_synchronize(&(ssp)->weft_dom, WEFT_HERE)
#define synchronize_srcu_expedited(ssp) synchronize_srcu(ssp)
#define call_srcu(ssp, head, func)                                            \
	weft_rcu_domain_call(&(ssp)->weft_dom, (head), (func), WEFT_HERE)
#define srcu_barrier(ssp) weft_rcu_domain_barrier(&(ssp)->weft_dom, WEFT_HERE)
#define srcu_dereference_check(p, ssp, c)                                     \
	((__typeof__(p))weft_rcu_domain_load(                                 \
		&(ssp)->weft_dom, (void *const *)&(p),                        \
		(c) ? WEFT_RCU_PROTECTED : WEFT_RCU_DEREF, WEFT_HERE))
#define srcu_dereference(p, ssp) srcu_dereference_check(p, ssp, 0)
#define srcu_dereference_notrace(p, ssp) srcu_dereference(p, ssp)
#endif
