// The correct twin of unchanged_rmw_bug.c: the reader reads data only
// after its RMW saw the writer's change, which it synchronises with.
//! expect: verified
#define OK
#include "unchanged_rmw_bug.c"
