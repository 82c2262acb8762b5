//! args: --strategy=dfs --verbose
/* The same program as collapsed.c, with --verbose: nothing collapsed,
 * thread start and exit steps shown. */
#include "collapsed.c"
