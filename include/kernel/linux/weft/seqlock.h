/* linux/weft/seqlock.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  Seqlocks and seqcounts:
 * the paragraph below says how they are modelled. */
#ifndef WEFT_KERNEL_LINUX_WEFT_SEQLOCK_H
#define WEFT_KERNEL_LINUX_WEFT_SEQLOCK_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* ---- linux/seqlock.h ------------------------------------------------------
 *
 * A seqlock's writers exclude each other (a spinlock); its readers take
 * nothing and retry when a writer overlapped them (src/linux/kseq.c): in a
 * read section their plain accesses race with no writer, as KCSAN
 * assumes, and each is a scheduling point, so the half-updated state a
 * reader can see is seen.  Sleeping inside either side is misuse. */
/* excl is the lock read_seqlock_excl takes besides a read hold of lock:
 * it excludes writers (who take lock) and the other exclusive readers,
 * as the kernel's seqlock spinlock does, but neither bumps the sequence
 * nor makes the lockless readers wait, as the kernel's does not. */
typedef struct {
	struct weft_klock lock;
	unsigned sequence;
	struct weft_klock excl;
} seqlock_t;
/* assoc: the lock a seqcount_spinlock_t (_raw_spinlock, _mutex, _rwlock)
 * names, which its writers must hold (lockdep_assert_held), or NULL. */
typedef struct {
	struct weft_klock lock;
	unsigned sequence;
	struct weft_klock *assoc;
} seqcount_t;
typedef seqcount_t seqcount_spinlock_t;
typedef seqcount_t seqcount_raw_spinlock_t;
typedef seqcount_t seqcount_mutex_t;
typedef seqcount_t seqcount_rwlock_t;
typedef seqcount_t seqcount_latch_t;

/* The locks are named as what they are in reports (WEFT_KLOCK_SEQLOCK,
 * _SEQCOUNT), not as the rwlock_t they are built on. */
#define WEFT_KX_SEQLOCK_KIND (WEFT_KLOCK_RWLOCK | WEFT_KLOCK_SEQLOCK)
#define WEFT_KX_SEQCOUNT_KIND (WEFT_KLOCK_RWLOCK | WEFT_KLOCK_SEQCOUNT)
#define __SEQLOCK_UNLOCKED(x)                                                 \
	{ WEFT_KLOCK_INIT(WEFT_KX_SEQLOCK_KIND, #x), 0,                       \
	  WEFT_KLOCK_INIT(WEFT_KLOCK_SPIN, #x ".excl") }
#define DEFINE_SEQLOCK(x) seqlock_t x = __SEQLOCK_UNLOCKED(x)
#define SEQCNT_ZERO(x) { WEFT_KLOCK_INIT(WEFT_KX_SEQCOUNT_KIND, #x), 0, NULL }
#define WEFT_KX_SEQCNT_ASSOC(x, l)                                            \
	{ WEFT_KLOCK_INIT(WEFT_KX_SEQCOUNT_KIND, #x), 0, (l) }
#define SEQCNT_SPINLOCK_ZERO(x, lock) WEFT_KX_SEQCNT_ASSOC(x, lock)
#define SEQCNT_RAW_SPINLOCK_ZERO(x, lock) WEFT_KX_SEQCNT_ASSOC(x, lock)
#define SEQCNT_MUTEX_ZERO(x, lock) WEFT_KX_SEQCNT_ASSOC(x, lock)
#define SEQCNT_RWLOCK_ZERO(x, lock) WEFT_KX_SEQCNT_ASSOC(x, lock)
#define WEFT_KX_SEQ_INIT(s, kind)                                             \
	do {                                                                  \
		weft_klock_init(&(s)->lock, (kind), WEFT_LX_NAME(#s),         \
				WEFT_HERE);                                   \
		(s)->sequence = 0;                                            \
	} while (0)
#define seqcount_init(s) WEFT_KX_SEQ_INIT(s, WEFT_KX_SEQCOUNT_KIND)
#define seqlock_init(sl)                                                      \
	do {                                                                  \
		WEFT_KX_SEQ_INIT(sl, WEFT_KX_SEQLOCK_KIND);                   \
		weft_klock_init(&(sl)->excl, WEFT_KLOCK_SPIN,                 \
				WEFT_LX_NAME(#sl ".excl"), WEFT_HERE);        \
	} while (0)
#define WEFT_KX_SEQCNT_INIT_ASSOC(s, l)                                       \
	do {                                                                  \
		seqcount_init(s);                                             \
		(s)->assoc = (l);                                             \
	} while (0)
#define seqcount_spinlock_init(s, l) WEFT_KX_SEQCNT_INIT_ASSOC(s, l)
#define seqcount_raw_spinlock_init(s, l) WEFT_KX_SEQCNT_INIT_ASSOC(s, l)
#define seqcount_mutex_init(s, l) WEFT_KX_SEQCNT_INIT_ASSOC(s, l)
#define seqcount_rwlock_init(s, l) WEFT_KX_SEQCNT_INIT_ASSOC(s, l)

#define WEFT_KX_SEQ_READ(sl)                                                  \
	(__extension__({                                                      \
		__typeof__(sl) weft_q_ = (sl);                                \
		weft_klock_seq_read_begin(&weft_q_->lock,                     \
					  &weft_q_->sequence, WEFT_HERE);     \
	}))
#define WEFT_KX_SEQ_RETRY(sl, start)                                          \
	(__extension__({                                                      \
		__typeof__(sl) weft_q_ = (sl);                                \
		weft_klock_seq_read_retry(&weft_q_->lock, &weft_q_->sequence, \
					  (start), WEFT_HERE);                \
	}))
#define read_seqbegin(sl) WEFT_KX_SEQ_READ(sl)
#define read_seqretry(sl, start) WEFT_KX_SEQ_RETRY(sl, start)
#define read_seqcount_begin(s) WEFT_KX_SEQ_READ(s)
#define raw_read_seqcount_begin(s) WEFT_KX_SEQ_READ(s)
#define read_seqcount_retry(s, start) WEFT_KX_SEQ_RETRY(s, start)
#define raw_read_seqcount_retry(s, start) WEFT_KX_SEQ_RETRY(s, start)
/* The barriers are the kernel's smp_wmb(): without them the compiler
 * adds 2 to the sequence once, at the end of the write section, and a
 * reader inside it never retries. */
#define write_seqlock(sl)                                                     \
	do {                                                                  \
		weft_klock_lock(&(sl)->lock, WEFT_HERE);                      \
		(sl)->sequence++;                                             \
		__asm__ __volatile__("" ::: "memory");                        \
	} while (0)
#define write_sequnlock(sl)                                                   \
	do {                                                                  \
		__asm__ __volatile__("" ::: "memory");                        \
		(sl)->sequence++;                                             \
		weft_klock_unlock(&(sl)->lock, WEFT_HERE);                    \
	} while (0)
/* The _bh, _irq and _irqsave forms disable softirqs or interrupts
 * around the lock, as spin_lock_bh and the like do (spinlock.h): a
 * reader in a timer callback or an interrupt handler is then safe. */
#define write_seqlock_bh(sl)                                                  \
	do {                                                                  \
		weft_kx_bh_off(1);                                            \
		write_seqlock(sl);                                            \
	} while (0)
#define write_sequnlock_bh(sl)                                                \
	do {                                                                  \
		write_sequnlock(sl);                                          \
		weft_kx_bh_off(-1);                                           \
	} while (0)
#define write_seqlock_irq(sl)                                                 \
	do {                                                                  \
		weft_kx_irqs_off(1);                                          \
		write_seqlock(sl);                                            \
	} while (0)
#define write_sequnlock_irq(sl)                                               \
	do {                                                                  \
		write_sequnlock(sl);                                          \
		weft_kx_irqs_off(-1);                                         \
	} while (0)
#define write_seqlock_irqsave(sl, flags)                                      \
	do {                                                                  \
		(flags) = weft_kx_irq_save();                                 \
		write_seqlock(sl);                                            \
	} while (0)
#define write_sequnlock_irqrestore(sl, flags)                                 \
	do {                                                                  \
		write_sequnlock(sl);                                          \
		weft_kx_irq_restore(flags);                                   \
	} while (0)
/* A seqcount_t has no lock of its own: its writers must be serialised by
 * the caller (a seqcount_spinlock_t names the lock).  A writer that finds
 * another inside is reported, where before the two were serialised by the
 * model and their race was never seen. */
#define raw_write_seqcount_begin(s)                                           \
	do {                                                                  \
		weft_klock_seq_write_begin(&(s)->lock, WEFT_HERE);            \
		(s)->sequence++;                                              \
		__asm__ __volatile__("" ::: "memory");                        \
	} while (0)
/* A writer of a seqcount that names its lock must hold it, as lockdep
 * asserts (the raw form does not check; a writer without it was
 * verified, a helper's probe); a plain seqcount_t's writer must have
 * preemption off (since Linux 5.10: a reader spinning on the CPU of a
 * preempted writer never ends), which was verified too. */
#define write_seqcount_begin(s)                                               \
	do {                                                                  \
		__typeof__(s) weft_sw_ = (s);                                 \
		if (!weft_sw_->assoc && preemptible())                        \
			weft_report("misuse", WEFT_HERE,                      \
				    "write_seqcount_begin of a seqcount_t "   \
				    "with preemption on (lockdep: "           \
				    "lockdep_assert_preemption_disabled)");   \
		if (weft_sw_->assoc && !weft_klock_held(weft_sw_->assoc))     \
			weft_report("misuse", WEFT_HERE,                      \
				    "write_seqcount_begin without holding "  \
				    "the seqcount's lock %s (lockdep: "       \
				    "lockdep_assert_held)",                   \
				    weft_sw_->assoc->name                     \
					    ? weft_sw_->assoc->name          \
					    : "(unnamed)");                  \
		raw_write_seqcount_begin(weft_sw_);                           \
	} while (0)
#define write_seqcount_end(s) write_sequnlock(s)
#define raw_write_seqcount_end(s) write_sequnlock(s)
/* A locking reader takes the seqlock's spinlock only: writers and other
 * locking readers wait, lockless readers neither wait nor retry (it was
 * write_seqlock: a lockless reader retried past a locking reader's
 * writes, which the kernel's does not, and one inside the same thread's
 * locking section deadlocked; a helper's probe). */
#define read_seqlock_excl(sl)                                                 \
	do {                                                                  \
		weft_klock_read(&(sl)->lock, WEFT_HERE);                      \
		weft_klock_lock(&(sl)->excl, WEFT_HERE);                      \
	} while (0)
#define read_sequnlock_excl(sl)                                               \
	do {                                                                  \
		weft_klock_unlock(&(sl)->excl, WEFT_HERE);                    \
		weft_klock_read_unlock(&(sl)->lock, WEFT_HERE);               \
	} while (0)
#define read_seqlock_excl_bh(sl)                                              \
	do {                                                                  \
		weft_kx_bh_off(1);                                            \
		read_seqlock_excl(sl);                                        \
	} while (0)
#define read_sequnlock_excl_bh(sl)                                            \
	do {                                                                  \
		read_sequnlock_excl(sl);                                      \
		weft_kx_bh_off(-1);                                           \
	} while (0)
#define read_seqlock_excl_irq(sl)                                             \
	do {                                                                  \
		weft_kx_irqs_off(1);                                          \
		read_seqlock_excl(sl);                                        \
	} while (0)
#define read_sequnlock_excl_irq(sl)                                           \
	do {                                                                  \
		read_sequnlock_excl(sl);                                      \
		weft_kx_irqs_off(-1);                                         \
	} while (0)
#define read_seqlock_excl_irqsave(sl, flags)                                  \
	do {                                                                  \
		(flags) = weft_kx_irq_save();                                 \
		read_seqlock_excl(sl);                                        \
	} while (0)
#define read_sequnlock_excl_irqrestore(sl, flags)                             \
	do {                                                                  \
		read_sequnlock_excl(sl);                                      \
		weft_kx_irq_restore(flags);                                   \
	} while (0)
WEFT_KX_UNMODELLED("read_seqbegin_or_lock (seqlock retry with fallback)")
int weft_kx_read_seqbegin_or_lock(void);
#define read_seqbegin_or_lock(sl, seq) weft_kx_read_seqbegin_or_lock()
#define need_seqretry(sl, seq) weft_kx_read_seqbegin_or_lock()
#define done_seqretry(sl, seq) weft_kx_read_seqbegin_or_lock()

#endif
