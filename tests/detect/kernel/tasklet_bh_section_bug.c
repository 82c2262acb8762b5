// The backlog filled with softirqs on: the tasklet may run on the
// interrupt's exit between the two items, and the second is never
// drained (or the list is read while it is linked).  See
// tasklet_bh_section_ok.c.
//! expect(bh_section): bug
//! expect(irq_section): bug
#define BH_ON
#include "tasklet_bh_section_ok.c"
