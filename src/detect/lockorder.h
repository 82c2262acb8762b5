/* src/detect/lockorder.h - the lock-order graph's own state, shared by its
 * two files: lockorder.c (classes, edges and the locks each thread holds)
 * and lockorder_cycle.c (the cycles an edge closes, and which of them are
 * reported).  Nothing else reads it: the rest of weft uses the graph
 * through internal.h. */
#ifndef WEFT_DETECT_LOCKORDER_H
#define WEFT_DETECT_LOCKORDER_H

#include "internal.h"

#define WEFT__LO_MAX_CLASSES 4096
#define WEFT__LO_MAX_EDGES 65536
#define WEFT__LO_HASH_BITS 12

#define WEFT__LO_MAX_GATES 4

struct weft__lo_edge {
	int from, to;
	const struct weft_loc *from_loc, *to_loc;
	char thread[40];
	uint64_t taker;            /* hash of the whole name of `thread` */
	bool takers;               /* taken by a thread of another name too,
				      in this execution or an earlier one */
	char other[40];            /* the first such thread, for reports */
	int next;                  /* next edge out of `from`, -1 at end */
	int ngate;                 /* other locks held when it was first */
	int gate[WEFT__LO_MAX_GATES]; /* taken (its possible gates) */
	long inst_exec;            /* execution of its latest instances */
	int inst;                  /* the last of them, in the instances
				      of lockorder_cycle.c */
	int nopath;                /* the graph's nedges when no path led
				      back from `to` to `from` (0: not
				      known): until an edge is added,
				      none does (the graph only grows) */
};

struct weft__lo_class {
	const void *key;
	char name[64];
	int first_edge;
};

struct weft__lo_graph {
	int nclasses, nedges;
	struct weft__lo_class classes[WEFT__LO_MAX_CLASSES];
	struct weft__lo_edge edges[WEFT__LO_MAX_EDGES];
	/* class index + 1, open addressing */
	int class_hash[1 << WEFT__LO_HASH_BITS];
};
/* The graph, in persistent memory (it outlives executions); NULL until
 * the first class or edge. */
extern struct weft__lo_graph *weft__LO;

/* Record this execution's instance of edge e by the calling thread;
 * false when it is not the thread's first one, or cannot be recorded. */
bool weft__lo_note_instance(struct weft__lo_edge *e);
/* Report the cycle that edge new_edge closes, if any and if it can
 * deadlock; known says the edge was in the graph already. */
void weft__lo_report_cycle(int new_edge, bool known);

/* Short names for the graph's own two files, which define
 * WEFT__LOCKORDER_OWN before they include this header. */
#ifdef WEFT__LOCKORDER_OWN
#define G weft__LO
#define MAX_CLASSES WEFT__LO_MAX_CLASSES
#define MAX_EDGES WEFT__LO_MAX_EDGES
#define HASH_BITS WEFT__LO_HASH_BITS
#define MAX_GATES WEFT__LO_MAX_GATES
#define note_instance weft__lo_note_instance
#define report_cycle weft__lo_report_cycle
#endif

#endif
