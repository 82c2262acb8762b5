//! expect: pass
//! args: --strategy=pct --iterations=2000
#define OK
#include "poller_remove_bug.c"
