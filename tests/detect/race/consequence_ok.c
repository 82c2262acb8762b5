//! expect: verified
//! args: --strategy=dfs
/* consequence_bug.c fixed: the section is under a mutex. */
#define CONSEQUENCE_FIXED 1
#include "consequence_bug.c"
