# The kernel header tree's calls that weft does not model fail to compile,
# each naming itself, rather than doing nothing: the VFS's side of a
# character driver (<linux/fs.h>, <linux/cdev.h>), the page cache
# (<linux/pagemap.h>) and cross-CPU calls (<linux/smp.h>); on FreeBSD's
# side uma(9) and kthread(9), whose headers were missing (a probe of the
# FreeBSD models), timeout tasks, and callouts bound to an rw lock or an
# rmlock.  (epoch(9) is modelled now:
# bsdkernel/epoch_free_*.)
. tests/cli/common.inc
W=$B/bin/weft-cc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # name, code, expected message
	printf '#include <linux/cdev.h>\n#include <linux/pagemap.h>\n#include <linux/smp.h>\nstatic void f(void *a) { (void)a; }\nWEFT_TEST(t) { %s; (void)f; }\n' "$2" >"$tmp/$1.c"
	if $W --kernel=linux -O1 "$tmp/$1.c" -o "$tmp/$1" 2>"$tmp/$1.err"; then
		fail "$1 compiled"
	fi
	grep -q "weft does not model $3" "$tmp/$1.err" ||
		fail "$1: no 'weft does not model $3' in: $(cat "$tmp/$1.err")"
}
check chrdev 'dev_t d; alloc_chrdev_region(&d, 0, 1, "x")' 'character device registration'
check cdev_add 'static struct cdev c; cdev_add(&c, 0, 1)' 'cdev_add/cdev_del'
check page 'lock_page((struct page *)0)' 'the page cache'
check on_each_cpu 'on_each_cpu(f, NULL, 1)' 'cross-CPU calls'
# A plural reads right ("weft: SRCU notifier chains is not modelled" was
# the message: a probe of Linux driver code).
check srcu_notifier 'static struct srcu_notifier_head h; srcu_init_notifier_head(&h)' 'SRCU notifier chains$'
# KCSAN's assertions did nothing, which verified a program that broke one
# (a probe of the kernel memory model).
check assert_exclusive 'static int v; ASSERT_EXCLUSIVE_WRITER(v)' 'ASSERT_EXCLUSIVE_WRITER'
bsd() { # name, code, expected message
	printf '#include <sys/param.h>\n#include <sys/systm.h>\n#include <sys/lock.h>\n#include <sys/sx.h>\n#include <sys/rwlock.h>\n#include <sys/epoch.h>\n#include <sys/callout.h>\n#include <sys/rmlock.h>\n#include <sys/kthread.h>\n#include <vm/uma.h>\nstatic struct sx s;\nstatic struct rwlock r;\nstatic int chan;\nstatic void f(void *a) { (void)a; }\nWEFT_TEST(t) { %s; (void)f; (void)s; (void)r; (void)chan; }\n' "$2" >"$tmp/$1.c"
	if $W --kernel=freebsd -O1 "$tmp/$1.c" -o "$tmp/$1" 2>"$tmp/$1.err"; then
		fail "$1 compiled"
	fi
	grep -q "weft does not model $3" "$tmp/$1.err" ||
		fail "$1: no 'weft does not model $3' in: $(cat "$tmp/$1.err")"
}
bsd timeout_task 'taskqueue_enqueue_timeout(NULL, NULL, 1)' 'timeout tasks'
bsd taskqueue_swi 'struct task t; taskqueue_enqueue(taskqueue_swi, &t)' 'the software-interrupt taskqueues'
bsd uma 'uma_zalloc(NULL, 0)' 'uma(9) zones'
bsd kthread 'kthread_add(f, NULL, NULL, NULL, 0, 0, "x")' 'kthread(9)'
# A callout bound to an rmlock fails as one bound to an rw lock does (it
# was an implicit declaration: a FreeBSD probe).
bsd callout_init_rw 'struct callout c; callout_init_rw(&c, &r, 0)' 'this callout call'
bsd callout_init_rm 'struct callout c; struct rmlock m; callout_init_rm(&c, &m, 0)' 'this callout call'
exit 0
