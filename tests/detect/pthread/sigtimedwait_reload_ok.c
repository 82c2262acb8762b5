//! expect: verified
//! args: --strategy=dfs
#define OK
#include "sigtimedwait_reload_bug.c"
