//! expect: bug assertion
//! args: --strategy=dfs
/* The twin of join_coherence_ok.c reading the flag before the join: main
 * is ordered after nothing the others did, and may read 0. */
#define EARLY
#include "join_coherence_ok.c"
