// Two port locks from one init site; B's is given its own class with
// lockdep_set_class.  t1 takes A's lock then cfg; t2 takes cfg then a
// port's lock.  Here t2 takes A's (a real ABBA deadlock).  The fix takes
// B's: no cycle between the locks nor between their classes, but with
// the annotation ignored (one class per init site) it was reported
// lock-order.  A third pair, nested with mutex_lock_nested under one
// class, stays accepted.
//! expect: bug deadlock
#include <linux/mutex.h>
#include <linux/slab.h>

static DEFINE_MUTEX(cfg);
static struct lock_class_key portb_key;
struct port {
	struct mutex lock;
	int v;
};
static struct port *A, *B, *P, *C;

static struct port *port_new(void)
{
	struct port *p = kzalloc(sizeof *p, GFP_KERNEL);
	mutex_init(&p->lock);
	return p;
}

static void t1(void *a)
{
	(void)a;
	mutex_lock(&A->lock);
	mutex_lock(&cfg);
	A->v++;
	mutex_unlock(&cfg);
	mutex_unlock(&A->lock);
	mutex_lock(&P->lock);
	mutex_lock_nested(&C->lock, SINGLE_DEPTH_NESTING);
	C->v++;
	mutex_unlock(&C->lock);
	mutex_unlock(&P->lock);
}

static void t2(void *a)
{
#ifdef FIXED
	struct port *p = B;
#else
	struct port *p = A;
#endif
	(void)a;
	mutex_lock(&cfg);
	mutex_lock(&p->lock);
	p->v++;
	mutex_unlock(&p->lock);
	mutex_unlock(&cfg);
	mutex_lock(&P->lock);
	mutex_lock_nested(&C->lock, SINGLE_DEPTH_NESTING);
	C->v++;
	mutex_unlock(&C->lock);
	mutex_unlock(&P->lock);
}

WEFT_TEST(lockdep_set_class)
{
	A = port_new();
	B = port_new();
	lockdep_set_class(&B->lock, &portb_key);
	P = kzalloc(sizeof *P, GFP_KERNEL);
	C = kzalloc(sizeof *C, GFP_KERNEL);
	mutex_init(&P->lock);
	mutex_init(&C->lock);
	weft_thread_t a = weft_spawn(t1, NULL), b = weft_spawn(t2, NULL);
	weft_join(a);
	weft_join(b);
	kfree(A);
	kfree(B);
	kfree(P);
	kfree(C);
}
