//! needs: pthread
/* The compare-exchange half of weak_rmw_xchg.c: a successful one may have
 * failed by reading an older store, and the note says so. */
#define CAS_MP
#include "weak_rmw_xchg.c"
