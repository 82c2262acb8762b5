//! expect: bug data-race
//! args: --strategy=dfs
/* The MCS lock of a public repository (synchronization/mcs.h, GCC
 * __atomic builtins), as it is: a node's fields are initialised with
 * plain stores, the exchange on the tail only releases, and the link
 * prev->next is stored and loaded relaxed.  The successor's relaxed store
 * to its predecessor's next is unordered with the predecessor's plain
 * store of NULL there (a data race; so is the predecessor's store to the
 * successor's waiting flag, and on a weak machine the successor may spin
 * forever).  mcs_link_ok stores the fields atomically, exchanges acq_rel
 * and links with release/acquire. */
#define MCS_LINK_BUG 1
#include "mcs_link_ok.c"
