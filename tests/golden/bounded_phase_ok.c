//! args: --iterations=4000
//! needs: pthread
/* bounded_phase.c's correct twin: the checker reads the stores in the
 * reverse of their order.  The unbounded search does not end in its half
 * of the budget, the bounded one does: the verdict is `pass`, with a
 * note that every schedule with at most one preemption ran. */
#define OK
#include "bounded_phase.c"
