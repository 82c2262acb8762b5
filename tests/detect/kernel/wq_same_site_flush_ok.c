// wq_same_site_flush_bug.c flushing the other queue.
//! expect: verified
#define OK
#include "wq_same_site_flush_bug.c"
