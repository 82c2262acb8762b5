// irq_work_bug.c with irq_work_sync before the free.
//! expect: verified
#define OK
#include "irq_work_bug.c"
