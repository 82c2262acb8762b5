// munmap downgrades mmap_lock to read and then reads the vma's bounds,
// while a page fault holding mmap_lock for read expands the stack vma
// under the page table lock: the bounds race.  The shape of
// "mm/mmap.c: close race between munmap() and expand_upwards()/
// expand_downwards()" (2020), fixed by not downgrading when a
// neighbour can grow.  Here the
// fixed munmap keeps the lock for writing.
//! expect: bug data-race
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/kthread.h>

static DECLARE_RWSEM(mmap_lock);
static DEFINE_SPINLOCK(page_table_lock);
static unsigned long vm_start = 100, vm_end = 200;
unsigned long unmapped;

static int page_fault(void *arg)
{
	(void)arg;
	down_read(&mmap_lock);
	spin_lock(&page_table_lock);
	vm_start -= 10;		/* expand_downwards */
	spin_unlock(&page_table_lock);
	up_read(&mmap_lock);
	return 0;
}

WEFT_TEST(munmap_vs_fault)
{
	struct task_struct *t = kthread_create(page_fault, NULL, "fault");
	get_task_struct(t);
	wake_up_process(t);

	down_write(&mmap_lock);
	vm_end = 150;		/* detach the vmas */
#ifdef FIXED
	unmapped = vm_end - vm_start;	/* unmap_region */
	up_write(&mmap_lock);
#else
	downgrade_write(&mmap_lock);
	unmapped = vm_end - vm_start;	/* unmap_region */
	up_read(&mmap_lock);
#endif
	kthread_stop(t);
	put_task_struct(t);
}
