//! needs: pthread
/* The compare-exchange half of weak_rmw_xchg.c: a successful one may have
 * failed by reading an older store, and the note and the verdict line say
 * so. */
#define CAS_MP
#include "weak_rmw_xchg.c"
