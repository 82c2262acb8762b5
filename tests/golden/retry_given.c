//! needs: pthread
//! args: --fair-bound=2
/* Pins what a fairness bound the user gives means: it is not deepened,
 * so the worker that gives up after five tries (its error path needs four
 * unfair continuations, detect/sound/retry_yield_bug.c) is verified at
 * that bound, and the note says which loops the verification leaves
 * out. */
#include "../detect/sound/retry_yield_bug.c"
