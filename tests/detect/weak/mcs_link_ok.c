//! expect: verified
//! args: --strategy=dfs
/* mcs_link_bug's MCS lock made right: the node's fields are stored
 * atomically, the exchange on the tail is acq_rel (the node's
 * initialisation happens before its successor links to it; with a
 * release-only exchange the verdict carries the 2+2W note about the two
 * stores to next), the link is stored with release and read with
 * acquire.  Two threads take it once each. */
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

struct qnode { struct qnode *next; char waiting; };
struct mcs_lock { struct qnode *tail; };

#ifdef MCS_LINK_BUG
#define INIT(p) do { (p)->next = NULL; (p)->waiting = 1; } while (0)
#define LINK __ATOMIC_RELAXED
#define SEE __ATOMIC_RELAXED
#define XCHG __ATOMIC_RELEASE
#else
#define INIT(p) do { __atomic_store_n(&(p)->next, NULL, __ATOMIC_RELAXED); __atomic_store_n(&(p)->waiting, 1, __ATOMIC_RELAXED); } while (0)
#define LINK __ATOMIC_RELEASE
#define SEE __ATOMIC_ACQUIRE
#define XCHG __ATOMIC_ACQ_REL
#endif

static inline void mcs_lock_acquire(struct mcs_lock *lock, struct qnode *p)
{
	INIT(p);
	struct qnode *prev = __atomic_exchange_n(&lock->tail, p, XCHG);
	if (prev != NULL) {
		__atomic_store_n(&prev->next, p, LINK);
		while (__atomic_load_n(&p->waiting, __ATOMIC_RELAXED))
			;
	}
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
}
static inline void mcs_lock_release(struct mcs_lock *lock, struct qnode *p)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
	struct qnode *succ = __atomic_load_n(&p->next, SEE);
	if (succ == NULL) {
		struct qnode *q = p;
		if (__atomic_compare_exchange_n(&lock->tail, &q, NULL, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
		do succ = __atomic_load_n(&p->next, SEE); while (succ == NULL);
	}
	__atomic_store_n(&succ->waiting, 0, __ATOMIC_RELAXED);
}

static struct mcs_lock L;
static int counter;
static void *worker(void *a)
{
	(void)a;
	struct qnode n;
	mcs_lock_acquire(&L, &n);
	counter++;
	mcs_lock_release(&L, &n);
	return NULL;
}
int main(void)
{
	pthread_t t[2];
	for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
	assert(counter == 2);
	return 0;
}
