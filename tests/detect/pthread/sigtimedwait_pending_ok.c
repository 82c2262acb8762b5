//! expect: verified
//! args: --strategy=dfs
#define OK
#include "sigtimedwait_pending_bug.c"
