//! expect: bug data-race
//! args: --strategy=dfs
/* hsearch_ok.c without the mutex: two threads' hsearch(ENTER) change
 * the C library's one table unordered ("data race on hsearch's
 * table"). */
#define HSEARCH_BUG 1
#include "hsearch_ok.c"
