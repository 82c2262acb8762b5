// spin_lock_init() in a per-operation path while another thread holds the
// lock: verified before the init was a step (a probe of kernel driver
// patterns).  init_live_spin_ok.c initialises it once.
//! expect: bug misuse
#include <linux/spinlock.h>

static spinlock_t lk;
static int cnt;

static void op(void *arg)
{
	(void)arg;
#ifndef OK
	spin_lock_init(&lk);
#endif
	spin_lock(&lk);
	cnt++;
	spin_unlock(&lk);
}

WEFT_TEST(init_live_spin)
{
	spin_lock_init(&lk);
	weft_thread_t a = weft_spawn(op, NULL), b = weft_spawn(op, NULL);
	weft_join(a);
	weft_join(b);
	WARN_ON(cnt != 2);
}
