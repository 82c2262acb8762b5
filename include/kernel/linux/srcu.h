/* linux/srcu.h - weft's kernel header tree.
 *
 * SRCU read sections may sleep and a grace period waits only for the
 * readers of its own srcu_struct; weft's RCU model has neither, and
 * mapping SRCU onto it would report sleeping readers as misuse and make
 * synchronize_srcu wait for unrelated readers. */
#error "weft: SRCU (linux/srcu.h) is not modelled"
