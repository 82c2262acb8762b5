//! expect(two_works_one_queue): verified
//! expect(two_works_marked): verified
/* wq_overlap_bug.c on an ordered workqueue, which runs one work at a
 * time in queueing order. */
#define WEFT_OVERLAP_FIXED 1
#include "wq_overlap_bug.c"
