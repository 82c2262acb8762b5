/* src/lockgraph.h - the lock-order graph (lockdep-like, persists across
 * executions), as the models and detectors use it; part of internal.h,
 * which includes it (the graph's own state is src/detect/lockorder.h). */
#ifndef WEFT_LOCKGRAPH_H
#define WEFT_LOCKGRAPH_H

#include <stdbool.h>

#include <weft/weft.h>

/* A class is a node of the dependency graph: a lock, or an event such as
 * "work W done" or "completion C".  key identifies it across executions
 * (the address of a static object, or an init-site location). */
int weft__class(const void *key, const char *name);
const void *weft__class_key_for(const void *obj, const struct weft_loc *init);

/* The calling thread acquired / released class cls at loc.  Acquire adds
 * an edge from every class the thread holds to cls and reports a cycle as
 * a "lock-order" finding.  try acquisitions add no edges (they cannot
 * deadlock) but are held. */
void weft__lock_acquire(int cls, const struct weft_loc *loc, bool try);
void weft__lock_release(int cls, const struct weft_loc *loc);
/* Add an edge cls_from -> cls_to explicitly (wait/event dependencies: a
 * completer holding L adds "C -> L").  Checks for cycles. */
void weft__dep_edge(int from, int to, const struct weft_loc *from_loc,
		    const struct weft_loc *to_loc);
/* Add edges from every class the caller holds to cls, i.e. "waiting for
 * cls while holding ...", and check for cycles, without holding cls. */
void weft__wait_on_class(int cls, const struct weft_loc *loc);
/* The model kit's one held-lock set.  Every acquisition enters the
 * calling thread's set: the annotations above as lockdep-style maps (a
 * class, no object), a step's lock effect (op.lock, src/op.h) with its
 * lock object, the tag the model chose (so it can find its own among the
 * thread's locks) and whether the lock spins (a holder may not sleep).  A
 * release takes out the innermost entry of its object if it has one,
 * else of its class.  weft__held_locks gives thread tid's set, innermost
 * last, valid until its next lock operation.  None of these block. */
struct weft__held_lock {
	int cls;
	const struct weft_loc *at;
	const void *obj;
	const void *tag;
	bool spins;
	long step;   /* the step count after the acquisition (weft__step_no) */
};
int weft__held_locks(int tid, const struct weft__held_lock **out);
/* The step count after live thread tid took obj (its innermost hold), or
 * -1 when it holds no entry of obj.  Does not block. */
long weft__held_since(int tid, const void *obj);
/* Number of classes the calling thread holds, and the classes themselves
 * (at most WEFT__MAX_HELD at once: one more is inconclusive, lock-depth). */
#define WEFT__MAX_HELD 48
int weft__held(int *out, int max);
/* Whether live thread tid holds class cls, taken at the place at. */
bool weft__thread_holds(int tid, int cls, const struct weft_loc *at);

#endif
