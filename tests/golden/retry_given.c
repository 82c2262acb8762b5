//! needs: pthread
//! args: --fair-bound=2
/* Pins what a fairness bound the user gives means: it is not deepened,
 * but where it cuts the worker that gives up after five tries (its error
 * path needs four unfair continuations, detect/sound/retry_yield_bug.c),
 * a give-up probe runs the worker alone from there, the holder slow, and
 * finds the error path (it was verified at that bound, with a note that
 * said which loops the verification left out). */
#include "../detect/sound/retry_yield_bug.c"
