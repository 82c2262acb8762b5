/* linux/idr.h - weft's kernel header tree.
 *
 * Not modelled yet: its lookups and their RCU and locking rules would
 * need a model of their own, and a plain stand-in would hide the races a
 * driver's use of them can have. */
#error "weft: linux/idr.h is not modelled (an array or list under the driver's own lock is what weft can check)"
