// A tasklet scheduled in a first softirqs-off section and still pending
// when its scheduler enters a second one: the hold ends with the first
// section (the thread may then move to another CPU, and the tasklet run
// on the first while the second section runs), so the tasklet may run
// between the second section's two reads.  weft held it again until the
// second section ended and verified this (a review of the hold).
// tasklet_hold_once_ok.c reads once.
//! expect: bug assertion
#include <linux/bottom_half.h>
#include <linux/compiler.h>
#include <linux/interrupt.h>

static struct tasklet_struct t;
static int ran;

static void fn(struct tasklet_struct *x)
{
	(void)x;
	WRITE_ONCE(ran, 1);
}

WEFT_TEST(second_section)
{
	int a, b;

	tasklet_setup(&t, fn);
	local_bh_disable();
	tasklet_schedule(&t);
	local_bh_enable();
	local_bh_disable();
	a = READ_ONCE(ran);
#ifdef HOLD_ONCE_OK
	b = a;
#else
	b = READ_ONCE(ran);
#endif
	local_bh_enable();
	tasklet_kill(&t);
	weft_assert(a == b);
	weft_assert(READ_ONCE(ran) == 1);
}
