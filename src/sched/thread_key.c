/* src/sched/thread_key.c - a thread's name across executions: its creation
 * path.
 *
 * Records are numbered in creation order within one execution (and reused
 * once a thread's end happens before a creation), so record 4 can be one
 * thread in one execution and another in the next: two threads that each
 * create a thread, in an order the schedule decides.  Partial-order
 * reduction keeps steps from one execution to run them in another (wakeup
 * sequences, sleep sets), and a step recorded as "thread 4's" ran another
 * thread's step there: the exhaustive search verified programs whose bug
 * random schedules found (tests/detect/pthread/late_spawn_*).  A key names
 * the thread as Nidhugg and GenMC do, by its creator's key and its rank
 * among the creator's children; keys are small numbers given in the order
 * they are first seen, in memory the restore between executions leaves
 * alone, so every execution of a process agrees on them. */
#include <stdlib.h>

#include "sched.h"

/* Per key: its creator's key (-1: created by weft itself, the test's body
 * and the threads of set-up hooks; -2: a thread the system has, named by
 * a hash of its role, thread.c's system_key) and its rank among that
 * creator's children.  An open-addressed table finds a key from the
 * pair. */
static int32_t *kparent, *krank;
static int32_t nkeys, capkeys;
static int32_t *slots; /* key + 1, 0 empty */
static uint32_t nslots;

/* Each key's record in the current execution, checked against the
 * record's own key, so that nothing is cleared between executions: a
 * record below nthreads holds a thread of this execution, whose key is
 * unique in it. */
static int16_t key_tid[WEFT__MAX_KEYS];

static uint32_t hash(int32_t parent, int32_t rank)
{
	uint64_t h = (uint64_t)(uint32_t)parent << 32 | (uint32_t)rank;

	h *= 0x9e3779b97f4a7c15ull;
	return (uint32_t)(h >> 32);
}

static void *grow(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		weft__die("out of memory for the threads' keys");
	return p;
}

static void rehash(void)
{
	uint32_t n = nslots ? nslots * 2 : 64;

	free(slots);
	slots = calloc(n, sizeof *slots);
	if (!slots)
		weft__die("out of memory for the threads' keys");
	nslots = n;
	for (int32_t k = 0; k < nkeys; k++) {
		uint32_t i = hash(kparent[k], krank[k]) & (n - 1);
		while (slots[i])
			i = (i + 1) & (n - 1);
		slots[i] = k + 1;
	}
}

int weft__thread_key_of(int parent_key, int rank)
{
	uint32_t i;

	if (2u * (uint32_t)nkeys >= nslots)
		rehash();
	for (i = hash(parent_key, rank) & (nslots - 1); slots[i];
	     i = (i + 1) & (nslots - 1)) {
		int32_t k = slots[i] - 1;
		if (kparent[k] == parent_key && krank[k] == rank)
			return k;
	}
	if (nkeys >= WEFT__MAX_KEYS)
		weft__limit("thread-limit", NULL,
			    "the test's threads were created along more than "
			    "%d different paths over the executions, weft's "
			    "limit", WEFT__MAX_KEYS);
	if (nkeys == capkeys) {
		capkeys = capkeys ? capkeys * 2 : 64;
		kparent = grow(kparent, sizeof *kparent * (size_t)capkeys);
		krank = grow(krank, sizeof *krank * (size_t)capkeys);
	}
	kparent[nkeys] = parent_key;
	krank[nkeys] = rank;
	slots[i] = nkeys + 1;
	return nkeys++;
}

int weft__thread_key(int id)
{
	return weft__X->th[id].key;
}

long weft__thread_born(int id)
{
	return weft__X->th[id].born;
}

void weft__thread_key_bind(int id)
{
	key_tid[weft__X->th[id].key] = (int16_t)id;
}

int weft__thread_of_key(int key)
{
	int id;

	if (key < 0 || key >= nkeys)
		return -1;
	id = key_tid[key];
	if (id >= weft__X->nthreads || weft__X->th[id].key != key)
		return -1;
	return id;
}
