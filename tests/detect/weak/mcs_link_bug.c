//! expect: bug data-race
//! args: --strategy=dfs
/* The MCS lock of a public repository (synchronization/mcs.h, GCC
 * __atomic builtins), as it is: a node's fields are initialised with
 * plain stores, the exchange on the tail only releases, and the link
 * prev->next is stored and loaded relaxed.  The successor's relaxed store
 * to its predecessor's next is unordered with the predecessor's plain
 * store of NULL there (a data race; so is the predecessor's store to the
 * successor's waiting flag, and on a weak machine the successor may spin
 * forever).  mcs_link_ok stores the fields atomically, exchanges acq_rel
 * and links with release/acquire. */
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

struct qnode { struct qnode *next; char waiting; };
struct mcs_lock { struct qnode *tail; };

#define INIT(p) do { (p)->next = NULL; (p)->waiting = 1; } while (0)
#define LINK __ATOMIC_RELAXED
#define SEE __ATOMIC_RELAXED
#define XCHG __ATOMIC_RELEASE

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
