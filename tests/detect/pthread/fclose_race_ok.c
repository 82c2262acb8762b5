//! expect: verified
//! args: --strategy=dfs
/* fclose_race_bug.c fixed: the stream is closed after the reader is
 * joined. */
#define FCLOSE_FIXED 1
#include "fclose_race_bug.c"
