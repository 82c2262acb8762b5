/* src/linux/kseq.c - the read side of seqlocks and seqcounts.
 *
 * A reader takes nothing: read_seqbegin waits while a writer is inside
 * (the kernel spins on an odd sequence) and reads the sequence, ordered
 * after the last writer's release; writers never wait for readers, they
 * make them retry.  Between read_seqbegin and read_seqretry the reader's
 * plain accesses are as data_race() makes them (weft/race.h): no race is
 * reported, with the writer, which the reader's retry answers for (as
 * KCSAN assumes of a read section), nor with any other thread (a limit,
 * said in a note on the verdict), and each is a scheduling point, so a
 * writer runs between two of them and the reader sees what it would see
 * on a real machine: half of an update.  A reader that acts on such a
 * state before its retry (dereferences a pointer the writer frees, skips
 * the retry loop) is found.  Before, a read section was the read side of
 * a reader/writer lock that excluded writers: the retry was never needed
 * and such bugs were verified. */
#include "lx.h"
#include "sync/sync.h"

/* Both steps read the lock with acquire order: ordered after the last
 * writer's release, but no later writer is ordered after them (a read of
 * the lock's ordinary kind would be: then a reader's plain write before
 * its section and a writer's read inside the next write section were
 * never a race). */
#define SEQ_READ (WEFT__ORDER_EXPLICIT | WEFT__ORDER_ACQUIRE)
/* weft__verdict_note's key of the note on what a read section hides. */
#define SEQ_NOTE 0x5345514c4f434b00ull

static bool no_writer(const struct weft__op *op)
{
	const struct weft_klock *l = op->obj;

	return weft__rw_can_read(&l->rw);
}

unsigned weft_klock_seq_read_begin(struct weft_klock *l, const unsigned *seq,
				   const struct weft_loc *loc)
{
	struct weft__op op = { .name = "read_seqbegin", .obj = l,
			       .objname = weft__lx_klock_name(l),
			       .access = WEFT__ACC_READ, .order = SEQ_READ,
			       .ready = no_writer,
			       .waitdesc = weft__lx_klock_waitdesc,
			       .loc = loc };
	unsigned v;

	weft__check_access(l, sizeof *l, false, loc);
	weft__lx_klock_check_init(l, "read_seqbegin", loc);
	/* A reader in an interrupt that spins on a writer it interrupted
	 * is a deadlock, as for a read_lock. */
	weft__lx_ctx_check_spin(l, weft__lx_klock_name(l), true, loc);
	weft__visible(&op);
	weft__check_access(l, sizeof *l, false, loc);
	v = *seq;
	weft__seq_section(true);
	weft__verdict_note(
		SEQ_NOTE,
		"plain accesses in seqlock read sections (and after one left "
		"without read_seqretry, up to the next) are not checked for "
		"races with any thread, as KCSAN assumes");
	return v;
}

int weft_klock_seq_read_retry(struct weft_klock *l, const unsigned *seq,
			      unsigned start, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "read_seqretry", .obj = l,
			       .objname = weft__lx_klock_name(l),
			       .access = WEFT__ACC_READ, .order = SEQ_READ,
			       .loc = loc };

	weft__seq_section(false);
	weft__visible(&op);
	weft__check_access(l, sizeof *l, false, loc);
	if (*seq == start)
		return 0;
	weft__step_note("retry");
	return 1;
}
