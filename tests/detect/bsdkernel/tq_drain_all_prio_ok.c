//! expect: verified
/* tq_drain_all_prio_bug.c draining task b itself after the drain_all
 * (task a, which posts it, has run by then). */
#define OK
#include "tq_drain_all_prio_bug.c"
