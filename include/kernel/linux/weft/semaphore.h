/* linux/weft/semaphore.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  The counting semaphore of
 * <linux/semaphore.h> over weft's semaphore model (src/sync/sem.c):
 * down() may sleep (misuse in atomic context) and blocks while the count
 * is zero; up() never blocks, may come from any thread, and orders what
 * the upper did before the down() that takes its count. */
#ifndef WEFT_KERNEL_LINUX_WEFT_SEMAPHORE_H
#define WEFT_KERNEL_LINUX_WEFT_SEMAPHORE_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

struct semaphore {
	weft_sem_t sem;
};

#define __SEMAPHORE_INITIALIZER(name, n) { { (n), 0, #name } }
/* DEFINE_SEMAPHORE(name) (a binary semaphore, before Linux 6.4) and
 * DEFINE_SEMAPHORE(name, n). */
#define WEFT_KX_SEM_N_(x, n, ...) n
#define DEFINE_SEMAPHORE(name, ...)                                           \
	struct semaphore name =                                               \
		__SEMAPHORE_INITIALIZER(name, WEFT_KX_SEM_N_(x, ##__VA_ARGS__, 1))
#define sema_init(s, n) weft_sem_init(&(s)->sem, (n), WEFT_LX_NAME(#s))

static inline void weft_kx_down(struct semaphore *s, const char *what,
				const struct weft_loc *loc)
{
	weft_might_sleep(what, s->sem.name, loc);
	weft_sem_wait_at(&s->sem, loc);
}
#define down(s) weft_kx_down((s), "down", WEFT_HERE)
/* A kthread_stop of the caller (Linux 6.1 on), or a user's signal to a
 * thread of the test's own, ends this wait with -EINTR; a count that is
 * there is taken all the same.
 * Not the killable one: only a fatal signal ends it, and kthread_stop
 * sends none (signal_pending_state). */
#define down_interruptible(s) weft_kx_down_intr(&(s)->sem, "down_interruptible", WEFT_HERE)
#define down_killable(s) (down(s), 0)
/* 0 when taken, 1 when not: the reverse of mutex_trylock. */
#define down_trylock(s) (weft_sem_trywait_at(&(s)->sem, WEFT_HERE) != 0)
#define up(s) weft_sem_post_at(&(s)->sem, WEFT_HERE)
WEFT_KX_UNMODELLED("down_timeout (a semaphore wait that times out)")
int weft_kx_down_timeout(void);
#define down_timeout(s, t) weft_kx_down_timeout()

#endif
