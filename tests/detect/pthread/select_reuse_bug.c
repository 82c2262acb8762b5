//! expect: bug deadlock
//! args: --strategy=dfs
/* select_reuse_ok.c setting the fd_set once, before the loop. */
#define SET_ONCE
#include "select_reuse_ok.c"
