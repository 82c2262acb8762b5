// An async I/O submitter takes the mapping's rwsem for reading on behalf
// of the request with down_read_non_owner(); the completion thread gives
// it back with up_read_non_owner(), the hand-off the kernel has these
// forms for (rwsem_non_owner_ok.c).  weft mapped them onto down_read and
// up_read, so the correct hand-off was misuse ("does not hold it"; found
// by a probe of kernel lock semantics).  The bug here: plain up_read()
// from the completion thread, which holds nothing (lockdep: releasing a
// lock the task does not hold).
//! expect: bug misuse
#include <linux/rwsem.h>
#include <linux/completion.h>

static DECLARE_RWSEM(map_sem);
static DECLARE_COMPLETION(io_done);
static int mapped = 1;

static void completion_thread(void *arg)
{
	(void)arg;
	wait_for_completion(&io_done);
#ifdef OK
	up_read_non_owner(&map_sem);
#else
	up_read(&map_sem);
#endif
}

WEFT_TEST(async_io_handoff)
{
	weft_thread_t t = weft_spawn(completion_thread, NULL);
	int v;

#ifdef OK
	down_read_non_owner(&map_sem);
#else
	down_read(&map_sem);
#endif
	v = mapped;
	complete(&io_done);
	/* The writer waits for the hold the completion gives back. */
	down_write(&map_sem);
	mapped = 0;
	up_write(&map_sem);
	weft_join(t);
	(void)v;
}
