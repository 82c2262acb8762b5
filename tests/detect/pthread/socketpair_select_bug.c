//! expect: bug data-race
//! args: --strategy=dfs
/* socketpair_select_ok.c with the server counting after its reply. */
#define LATE_COUNT
#include "socketpair_select_ok.c"
