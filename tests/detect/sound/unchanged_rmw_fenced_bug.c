// unchanged_rmw_bug.c with relaxed RMWs after a release fence and
// before an acquire fence: the same race when the reader goes first.
//! expect: bug data-race
#define FENCED
#include "unchanged_rmw_bug.c"
