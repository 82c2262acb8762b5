// Every header of the kernel tree compiles, and the names that are not in
// weft/linux.h do what the kernel's do: atomic64_t, cmpxchg, xchg and
// try_cmpxchg on plain integers and pointers, llist, lists, bit
// searching, ktime and jiffies conversions, krealloc, kstrdup, kmem_cache,
// refcount_dec_and_lock, ERR_PTR, module_init, a struct device and its
// dev_* messages, the hlist_nulls lists.
//! expect: verified
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/rwsem.h>
#include <linux/semaphore.h>
#include <linux/cleanup.h>
#include <linux/seqlock.h>
#include <linux/completion.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/kthread.h>
#include <linux/interrupt.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/atomic.h>
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/bitops.h>
#include <linux/refcount.h>
#include <linux/kref.h>
#include <linux/rcupdate.h>
#include <linux/rculist.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/list_nulls.h>
#include <linux/rculist_nulls.h>
#include <linux/hashtable.h>
#include <linux/rtnetlink.h>
#include <linux/lockdep.h>

static int loaded;
static int __init mod_init(void)
{
	loaded = 1;
	return 0;
}
module_init(mod_init);
EXPORT_SYMBOL_GPL(mod_init);
MODULE_LICENSE("GPL");

struct item {
	int v;
	struct llist_node ll;
	struct list_head node;
};

WEFT_TEST(atomics)
{
	atomic64_t a = ATOMIC64_INIT(1L << 40);
	atomic_t b = ATOMIC_INIT(5);
	atomic_long_t c = ATOMIC_LONG_INIT(3);
	u64 x = 7;
	u8 small = 1;
	int *p = NULL, q = 0, old;
	long lo = 3;

	atomic64_inc(&a);
	WARN_ON(atomic64_read(&a) != (1L << 40) + 1);
	WARN_ON(atomic64_cmpxchg(&a, 0, 1) != (1L << 40) + 1);
	WARN_ON(!atomic64_dec_and_test(&(atomic64_t)ATOMIC64_INIT(1)));
	old = 5;
	WARN_ON(!atomic_try_cmpxchg(&b, &old, 6));
	old = 5;
	WARN_ON(atomic_try_cmpxchg(&b, &old, 7) || old != 6);
	WARN_ON(atomic_fetch_or(1, &b) != 6 || atomic_read(&b) != 7);
	WARN_ON(atomic_dec_if_positive(&b) != 6);
	WARN_ON(!atomic_long_try_cmpxchg(&c, &lo, 4));
	WARN_ON(cmpxchg(&x, 7, 8) != 7 || x != 8);
	WARN_ON(xchg(&small, 2) != 1 || small != 2);
	WARN_ON(cmpxchg(&p, NULL, &q) != NULL || p != &q);
	WARN_ON(!try_cmpxchg(&x, &(u64){ 8 }, 9) || x != 9);
	WARN_ON(READ_ONCE(x) != 9);
	WRITE_ONCE(x, 10);
	smp_mb();
	WARN_ON(smp_load_acquire(&x) != 10);
}

WEFT_TEST(lists_and_bits)
{
	LLIST_HEAD(ll);
	LIST_HEAD(l);
	struct item it[3];
	struct llist_node *n;
	struct item *pos;
	DECLARE_BITMAP(map, 100);
	unsigned long bit;
	int sum = 0;

	for (int i = 0; i < 3; i++) {
		it[i].v = i + 1;
		llist_add(&it[i].ll, &ll);
		list_add_tail(&it[i].node, &l);
	}
	n = llist_del_all(&ll);
	WARN_ON(!llist_empty(&ll));
	n = llist_reverse_order(n);
	llist_for_each_entry(pos, n, ll)
		sum = sum * 10 + pos->v;
	WARN_ON(sum != 123);
	sum = 0;
	list_for_each_entry_reverse(pos, &l, node)
		sum = sum * 10 + pos->v;
	WARN_ON(sum != 321 || list_count_nodes(&l) != 3);
	bitmap_zero(map, 100);
	set_bit(3, map);
	set_bit(70, map);
	sum = 0;
	for_each_set_bit(bit, map, 100)
		sum += (int)bit;
	WARN_ON(sum != 73 || find_first_bit(map, 100) != 3);
	WARN_ON(fls(8) != 4 || __ffs(8UL) != 3 || hweight32(0xf0) != 4);
	WARN_ON(GENMASK(7, 4) != 0xf0 || !is_power_of_2(64));
	WARN_ON(hash_32(1, 4) >= 16);
}

struct nitem {
	int v;
	struct hlist_nulls_node node;
};

/* The chain ends on its nulls value, whichever way it was built. */
WEFT_TEST(nulls_lists)
{
	struct hlist_nulls_head h = HLIST_NULLS_HEAD_INIT(7), g;
	struct nitem it[3], *pos;
	struct hlist_nulls_node *n;
	int sum = 0;

	INIT_HLIST_NULLS_HEAD(&g, 5);
	WARN_ON(!hlist_nulls_empty(&h) || get_nulls_value(h.first) != 7);
	for (int i = 0; i < 3; i++)
		it[i].v = i + 1;
	hlist_nulls_add_head(&it[1].node, &h);
	hlist_nulls_add_head_rcu(&it[0].node, &h);
	hlist_nulls_add_tail_rcu(&it[2].node, &h);
	hlist_nulls_for_each_entry(pos, n, &h, node)
		sum = sum * 10 + pos->v;
	WARN_ON(sum != 123 || !is_a_nulls(n) || get_nulls_value(n) != 7);
	hlist_nulls_del_init_rcu(&it[1].node);
	WARN_ON(!hlist_nulls_unhashed(&it[1].node));
	hlist_nulls_del_init_rcu(&it[1].node);
	sum = 0;
	rcu_read_lock();
	hlist_nulls_for_each_entry_rcu(pos, n, &h, node)
		sum = sum * 10 + pos->v;
	rcu_read_unlock();
	WARN_ON(sum != 13 || get_nulls_value(n) != 7);
	hlist_nulls_for_each_entry_safe(pos, n, &h, node)
		hlist_nulls_del_rcu(&pos->node);
	WARN_ON(!hlist_nulls_empty(&h) || hlist_nulls_unhashed(&it[0].node));
	hlist_nulls_add_head(&it[0].node, &g);
	n = g.first;
	hlist_nulls_for_each_entry_from(pos, n, node)
		WARN_ON(pos != &it[0]);
	WARN_ON(hlist_nulls_entry_safe(n, struct nitem, node) != NULL);
	hlist_nulls_del(&it[0].node);
	WARN_ON(!hlist_nulls_empty(&g) || get_nulls_value(g.first) != 5);
}

WEFT_TEST(time_and_memory)
{
	unsigned long j0 = jiffies;
	ktime_t k0 = ktime_get();
	struct kmem_cache *cache = KMEM_CACHE(item, 0);
	struct item *it = kmem_cache_zalloc(cache, GFP_KERNEL);
	char *s = kstrdup("weft", GFP_KERNEL);
	int *arr = kcalloc(2, sizeof(int), GFP_KERNEL);
	void *e = ERR_PTR(-EPROBE_DEFER);
	refcount_t r = REFCOUNT_INIT(2);
	DEFINE_SPINLOCK(l);

	WARN_ON(loaded || weft_module_init() || !loaded);
	WARN_ON(msecs_to_jiffies(10) != 10 * HZ / 1000);
	msleep(2);
	WARN_ON(time_before(jiffies, j0 + 2));
	WARN_ON(ktime_before(ktime_get(), ktime_add_ms(k0, 2)));
	WARN_ON(nsecs_to_jiffies(1) != 1);
	arr[1] = 5;
	arr = krealloc(arr, 4 * sizeof(int), GFP_KERNEL);
	WARN_ON(arr[1] != 5);
	WARN_ON(strcmp(s, "weft") || it->v);
	WARN_ON(!IS_ERR(e) || PTR_ERR(e) != -EPROBE_DEFER);
	WARN_ON(refcount_dec_and_lock(&r, &l));
	WARN_ON(!refcount_dec_and_lock(&r, &l));
	spin_unlock(&l);
	rtnl_lock();
	ASSERT_RTNL();
	WARN_ON(!lockdep_rtnl_is_held());
	rtnl_unlock();
	kfree(arr);
	kfree(s);
	kmem_cache_free(cache, it);
	kmem_cache_destroy(cache);
	WARN_ON(signal_pending(current) || in_interrupt());
}

/* A driver's device: its driver data, its name, and the dev_* messages
 * (they print nothing, as printk; dev_err_probe returns its error). */
WEFT_TEST(device)
{
	static struct device dev = { .init_name = "wlan0" };
	int v = 7;

	dev_set_drvdata(&dev, &v);
	WARN_ON(dev_get_drvdata(&dev) != &v);
	WARN_ON(strcmp(dev_name(&dev), "wlan0") != 0);
	dev_err(&dev, "reset failed: %d\n", -EIO);
	dev_warn_ratelimited(&dev, "slow\n");
	dev_dbg(&dev, "state %d\n", v);
	WARN_ON(dev_err_probe(&dev, -EPROBE_DEFER, "not yet\n") !=
		-EPROBE_DEFER);
}
