// init_rwsem() of an rw_semaphore another thread holds for writing: dfs
// verified it in 1 schedule, random found misuse only later, at the
// holder's up_write (a probe of kernel driver patterns).
// init_live_rwsem_ok.c initialises it after the holder is joined.
//! expect: bug misuse
#include <linux/rwsem.h>

static DECLARE_RWSEM(rw);
static int x;

static void rw_user(void *a)
{
	(void)a;
#ifndef OK
	init_rwsem(&rw);
#endif
	down_write(&rw);
	x++;
	up_write(&rw);
}

WEFT_TEST(init_live_rwsem)
{
	down_write(&rw);
	weft_thread_t t = weft_spawn(rw_user, NULL);
	x++;
	up_write(&rw);
	weft_join(t);
#ifdef OK
	init_rwsem(&rw); /* every user joined: a legitimate reset */
#endif
}
