//! expect: bug data-race
//! args: --strategy=dfs
/* pexit_handler_order_ok.c whose main returns instead of calling
 * pthread_exit: exit runs the handlers at once, while the detached
 * workers may still be writing their results (a real race, natively
 * too). */
#define PEXIT_HANDLER_ORDER_BUG 1
#include "pexit_handler_order_ok.c"
