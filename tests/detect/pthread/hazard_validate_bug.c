//! expect: bug use-after-free
//! args: --strategy=dfs
/* A single-slot hazard pointer: the reader loads the shared pointer and
 * publishes it as its hazard, but does not load the shared pointer again
 * to validate: the updater swapped in a new object and scanned the hazard
 * before the publish, and frees the object the reader then reads.
 * hazard_validate_ok re-reads until the pointer is the published one. */
#define HAZARD_VALIDATE_BUG 1
#include "hazard_validate_ok.c"
