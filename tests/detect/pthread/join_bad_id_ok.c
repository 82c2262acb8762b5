//! expect: verified
//! args: --strategy=dfs
/* join_bad_id_bug.c joining only the threads it created. */
#define JOIN_BAD_ID_OK
#include "join_bad_id_bug.c"
