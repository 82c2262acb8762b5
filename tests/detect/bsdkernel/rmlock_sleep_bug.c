//! expect: bug misuse
/* rmlock(9): a read-mostly lock made without RM_SLEEPABLE is a turnstile
 * lock, and its holder must not sleep (WITNESS); one made with
 * RM_SLEEPABLE follows sx(9)'s rules and its writer may sleep.  The twin
 * (rmlock_sleep_ok.c) asks for RM_SLEEPABLE. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/rmlock.h>

static struct rmlock tbl_lock;
static int generation;

WEFT_TEST(rmlock_sleep)
{
#ifdef FIXED
	rm_init_flags(&tbl_lock, "tbl", RM_SLEEPABLE);
#else
	rm_init(&tbl_lock, "tbl");
#endif
	rm_wlock(&tbl_lock);
	generation++;
	pause("tblrebuild", 1);
	rm_wunlock(&tbl_lock);
	rm_destroy(&tbl_lock);
}
