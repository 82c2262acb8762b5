/* src/sync/sem.c - counting semaphores.  Every operation checks, before
 * and once scheduled, that the semaphore is not in freed heap
 * (use-after-free). */
#include <errno.h>

#include "sync.h"

static const char *sem_name(weft_sem_t *s)
{
	return s->name ? s->name : weft__objname(s, "sem");
}

void weft_sem_init(weft_sem_t *s, long value, const char *name)
{
	s->count = value;
	s->cls = 0;
	s->name = name;
}

static bool sem_ready(const struct weft__op *op)
{
	return ((const weft_sem_t *)op->obj)->count > 0;
}

/* The wait at a cancellation point also ends for a cancel request the
 * waiter acts on (arg2). */
static bool sem_ready_cancel(const struct weft__op *op)
{
	return sem_ready(op) || weft__cancel_wakes((int)op->arg2);
}

int weft__sem_waiter(const weft_sem_t *s)
{
	for (int i = 0; i < weft__nthreads(); i++) {
		const struct weft__op *op = weft__thread_done(i)
						    ? NULL
						    : weft__thread_pending(i);
		if (op && op->obj == s &&
		    (op->ready == sem_ready || op->ready == sem_ready_cancel) &&
		    !sem_ready(op))
			return i;
	}
	return -1;
}

static int sem_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "semaphore %s to be posted", op->objname);
	return -1;
}

void weft__sem_wait_begin(weft_sem_t *s, const char *name,
			  const struct weft_loc *loc)
{
	weft__check_access(s, sizeof *s, true, loc);
	if (!s->cls)
		s->cls = weft__class(weft__class_key_for(s, loc), name) + 1;
	weft__wait_on_class(s->cls - 1, loc);
}

void weft__sem_take(weft_sem_t *s)
{
	weft__pvc_wait(s);
	s->count--;
}

int weft__sem_wait_at(weft_sem_t *s, const struct weft_loc *loc)
{
	const void *cancel = weft__cancel_obj();
	struct weft__op op = { .name = "sem_wait", .obj = s, .obj2 = cancel,
			       .interruptible = cancel != NULL,
			       .objname = sem_name(s),
			       .access = WEFT__ACC_WRITE,
			       .ready = cancel ? sem_ready_cancel : sem_ready,
			       .waitdesc = sem_desc, .arg2 = weft__self(),
			       .loc = loc };

	weft__sem_wait_begin(s, op.objname, loc);
	weft__visible(&op);
	weft__check_access(s, sizeof *s, true, loc);
	/* Woken by a cancel request, or by a post and a request both: in
	 * glibc the request wins if it comes while the thread is still in
	 * its futex wait, an explored choice here.  The count stays for
	 * another waiter.  The choice is the wait step's own: as a step of
	 * its own, on no object, another thread's trywait took the token
	 * between it and the take, the count went below zero, and the
	 * explorer took the two orders for one (a probe). */
	if (s->count <= 0 ||
	    (cancel && weft__cancel_wakes((int)op.arg2) &&
	     weft__choose_here(2))) {
		weft__step_note("cancelled");
		return -ECANCELED;
	}
	weft__sem_take(s);
	return 0;
}

void weft_sem_wait_at(weft_sem_t *s, const struct weft_loc *loc)
{
	(void)weft__sem_wait_at(s, loc);
}

/* A trywait that fails only reads the count. */
static uint8_t trywait_access(const struct weft__op *op)
{
	return sem_ready(op) ? WEFT__ACC_WRITE
			     : WEFT__ACC_READ | WEFT__ACC_TRY_FAILED;
}

int weft_sem_trywait_at(weft_sem_t *s, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "sem_trywait", .obj = s,
			       .objname = sem_name(s),
			       .access = WEFT__ACC_WRITE,
			       .access_now = trywait_access, .loc = loc };

	weft__check_access(s, sizeof *s, true, loc);
	weft__visible(&op);
	weft__check_access(s, sizeof *s, true, loc);
	if (s->count <= 0) {
		weft__step_note("busy");
		weft__spun_tried();
		return -EAGAIN;
	}
	weft__sem_take(s);
	return 0;
}

/* A post is an ordinary write, not a release: a wait it enables may
 * also be enabled by an earlier post (the count), so partial-order
 * reduction must be free to move the wait before it. */
void weft_sem_post_at(weft_sem_t *s, const struct weft_loc *loc)
{
	weft__check_access(s, sizeof *s, true, loc);
	weft__point("sem_post", s, sem_name(s), WEFT__ACC_WRITE, loc);
	weft__check_access(s, sizeof *s, true, loc);
	weft__pvc_post(s);
	s->count++;
}
