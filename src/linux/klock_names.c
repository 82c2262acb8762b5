/* src/linux/klock_names.c - the names of the kernel locks' operations in
 * traces and reports: Linux's for each kind (spin_lock, down_read,
 * read_lock, mutex_lock, cpus_read_lock for CPU hotplug's lock,
 * write_seqlock and write_seqcount_begin for a seqlock's or seqcount's) and
 * FreeBSD's for an sx(9), rw(9) or rmlock(9) lock, and a lock's own name. */
#include <stdio.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>

/* FreeBSD's names of an sx(9), an rw(9) and an rmlock(9)'s operations. */
static const char *bsd_op_name(const struct weft_klock *l, int shared,
			       int try)
{
	if (l->bsd == 2) /* an rmlock(9), of either kind */
		return shared ? (try ? "rm_try_rlock" : "rm_rlock")
			      : "rm_wlock";
	if (l->kind == WEFT_KLOCK_RWSEM) {
		if (shared)
			return try ? "sx_try_slock" : "sx_slock";
		return try ? "sx_try_xlock" : "sx_xlock";
	}
	if (shared)
		return try ? "rw_try_rlock" : "rw_rlock";
	return try ? "rw_try_wlock" : "rw_wlock";
}

/* A seqlock's or seqcount's lock by the calls that take it (a seqcount
 * has no read side that holds it: its readers take nothing). */
static const char *seq_op_name(const struct weft_klock *l, int shared,
			       bool unlock)
{
	if (l->seq == 2)
		return unlock ? "write_seqcount_end" : "write_seqcount_begin";
	if (shared)
		return unlock ? "read_sequnlock_excl" : "read_seqlock_excl";
	return unlock ? "write_sequnlock" : "write_seqlock";
}

/* The name of an acquisition of l (shared: for reading; try: a
 * trylock). */
const char *weft__lx_klock_op(const struct weft_klock *l, int shared, int try)
{
	if (l->bsd)
		return bsd_op_name(l, shared, try);
	if (l->seq && !try)
		return seq_op_name(l, shared, false);
	/* CPU hotplug's lock by the names its callers use (<linux/cpu.h>). */
	if (l == &weft_cpu_hotplug_lock)
		return shared ? (try ? "cpus_read_trylock" : "cpus_read_lock")
			      : "cpus_write_lock";
	switch (l->kind) {
	case WEFT_KLOCK_SPIN:
		return try ? "spin_trylock" : "spin_lock";
	case WEFT_KLOCK_RWSEM:
		if (shared)
			return try ? "down_read_trylock" : "down_read";
		return try ? "down_write_trylock" : "down_write";
	case WEFT_KLOCK_RWLOCK:
		if (shared)
			return try ? "read_trylock" : "read_lock";
		return try ? "write_trylock" : "write_lock";
	default:
		return try ? "mutex_trylock" : "mutex_lock";
	}
}

/* Locks set up through weft/linux.h always carry the stringified name;
 * an unnamed one is named after its address. */
const char *weft__lx_klock_name(const struct weft_klock *l)
{
	return l->name ? l->name : weft__objname(l, "lock");
}

/* The name of a release of l (shared: for reading). */
const char *weft__lx_klock_unlock_op(const struct weft_klock *l, bool shared)
{
	if (l->kind == WEFT_KLOCK_SPIN)
		return "spin_unlock";
	if (l->seq)
		return seq_op_name(l, shared, true);
	if (l->bsd == 2)
		return shared ? "rm_runlock" : "rm_wunlock";
	if (l->bsd && l->kind == WEFT_KLOCK_RWSEM)
		return shared ? "sx_sunlock" : "sx_xunlock";
	if (l->bsd)
		return shared ? "rw_runlock" : "rw_wunlock";
	if (l == &weft_cpu_hotplug_lock)
		return shared ? "cpus_read_unlock" : "cpus_write_unlock";
	if (l->kind == WEFT_KLOCK_RWSEM)
		return shared ? "up_read" : "up_write";
	if (l->kind == WEFT_KLOCK_RWLOCK)
		return shared ? "read_unlock" : "write_unlock";
	return "mutex_unlock";
}

const char *weft__lx_klock_init_op(int kind)
{
	if (kind & WEFT_KLOCK_SEQLOCK)
		return "seqlock_init";
	if (kind & WEFT_KLOCK_SEQCOUNT)
		return "seqcount_init";
	if (kind & WEFT_KLOCK_BSD_RM)
		return "rm_init";
	if (kind & WEFT_KLOCK_BSD)
		return (kind & 0xff) == WEFT_KLOCK_RWSEM ? "sx_init" : "rw_init";
	switch (kind & 0xff) {
	case WEFT_KLOCK_SPIN:
		return "spin_lock_init";
	case WEFT_KLOCK_RWSEM:
		return "init_rwsem";
	case WEFT_KLOCK_RWLOCK:
		return "rwlock_init";
	default:
		return "mutex_init";
	}
}

/* A lock's class is keyed by its init site (a static lock by itself), or
 * by the key lockdep_set_class gave it; a subclass is a neighbouring key
 * (a struct lock_class_key has one byte per subclass, as lockdep's has
 * one subkey).  The name says the lock and, when re-classed, the key, so
 * that a lock-order report tells which of a site's locks had its own
 * class.  weft__class copies the name. */
int weft__lx_klock_class(struct weft_klock *l)
{
	const char *lname = l->name ? l->name : "lock";
	const void *key = l->class_key ? l->class_key
				       : weft__class_key_for(l, l->init);
	char name[64];

	if (l->cls)
		return l->cls - 1;
	if (l->class_name && l->subclass)
		snprintf(name, sizeof name, "%s (class %s/%d)", lname,
			 l->class_name, l->subclass);
	else if (l->class_name)
		snprintf(name, sizeof name, "%s (class %s)", lname,
			 l->class_name);
	else if (l->subclass)
		snprintf(name, sizeof name, "%s/%d", lname, l->subclass);
	else
		snprintf(name, sizeof name, "%s", lname);
	l->cls = weft__class((const char *)key + l->subclass, name) + 1;
	return l->cls - 1;
}

void weft_klock_set_class(struct weft_klock *l, const void *key,
			  const char *keyname, int subclass, const char *what,
			  const struct weft_loc *loc)
{
	if (!l)
		return;
	if (weft__self() >= 0 && weft__lx_holds(weft__self(), l))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) while holding it: the hold keeps the old "
			   "class", what, weft__lx_klock_name(l));
	if (subclass < 0 || subclass >= WEFT_KLOCK_SUBCLASSES)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s): subclass %d is out of range 0..%d (lockdep: "
			   "\"looking up invalid subclass\")", what,
			   weft__lx_klock_name(l), subclass,
			   WEFT_KLOCK_SUBCLASSES - 1);
	if (key) {
		l->class_key = weft__class_key_for(key, loc);
		l->class_name = keyname ? keyname : "?";
	}
	l->subclass = subclass;
	l->cls = 0;
}
