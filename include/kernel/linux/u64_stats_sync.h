/* linux/u64_stats_sync.h - weft's kernel header tree.
 *
 * Modelled as on a 32-bit kernel, where a struct u64_stats_sync is a
 * seqcount: writers bump it around their updates (and must be serialised
 * by the caller: one writer finding another inside is reported), readers
 * retry while it moved.  On a 64-bit kernel the calls do nothing and the
 * counters' loads and stores are whole; code correct on both is correct
 * here, and a reader that does not retry, or two writers of one syncp,
 * are found, and so is a writer with preemption on.  u64_stats_t's accesses are marked (READ_ONCE and
 * WRITE_ONCE), an add a load and a store, as local64_t's per-CPU add is
 * to another CPU. */
#ifndef WEFT_KERNEL_LINUX_U64_STATS_SYNC_H
#define WEFT_KERNEL_LINUX_U64_STATS_SYNC_H
#include <linux/weft_kernel.h>

struct u64_stats_sync {
	seqcount_t seq;
};

typedef struct {
	u64 v;
} u64_stats_t;

#define u64_stats_init(syncp) seqcount_init(&(syncp)->seq)
/* A writer must not be preemptible, as write_seqcount_begin's of a
 * seqcount_t (the 32-bit kernel's preempt_disable_nested asserts it,
 * lockdep_assert_preemption_disabled): one preempted inside leaves the
 * readers on its CPU spinning, and another writer there corrupts the
 * count.  (A preemptible writer was verified, a probe's.) */
#define u64_stats_update_begin(syncp)                                         \
	do {                                                                  \
		if (preemptible())                                            \
			weft_report("misuse", WEFT_HERE,                      \
				    "u64_stats_update_begin with preemption " \
				    "on (a 32-bit kernel's "                  \
				    "preempt_disable_nested: lockdep_assert_" \
				    "preemption_disabled)");                  \
		raw_write_seqcount_begin(&(syncp)->seq);                      \
	} while (0)
#define u64_stats_update_end(syncp) raw_write_seqcount_end(&(syncp)->seq)
#define u64_stats_update_begin_irqsave(syncp)                                 \
	(__extension__({                                                      \
		unsigned long weft_uf_ = weft_kx_irq_save();                  \
		u64_stats_update_begin(syncp);                                \
		weft_uf_;                                                     \
	}))
#define u64_stats_update_end_irqrestore(syncp, flags)                         \
	do {                                                                  \
		u64_stats_update_end(syncp);                                  \
		weft_kx_irq_restore(flags);                                   \
	} while (0)
#define u64_stats_fetch_begin(syncp) read_seqcount_begin(&(syncp)->seq)
#define u64_stats_fetch_retry(syncp, start)                                   \
	read_seqcount_retry(&(syncp)->seq, start)
#define u64_stats_fetch_begin_irq(syncp) u64_stats_fetch_begin(syncp)
#define u64_stats_fetch_retry_irq(syncp, start)                               \
	u64_stats_fetch_retry(syncp, start)

#define u64_stats_read(p) READ_ONCE((p)->v)
#define u64_stats_set(p, val) WRITE_ONCE((p)->v, (u64)(val))
#define u64_stats_add(p, val) WRITE_ONCE((p)->v, READ_ONCE((p)->v) + (val))
#define u64_stats_sub(p, val) WRITE_ONCE((p)->v, READ_ONCE((p)->v) - (val))
#define u64_stats_inc(p) u64_stats_add(p, 1)
#define u64_stats_dec(p) u64_stats_sub(p, 1)
#endif
