//! expect: bug data-race
//! args: --strategy=dfs
/* locale_ok.c without the mutex: main's setlocale races with the
 * threads' localeconv and nl_langinfo, and the two localeconv calls with
 * each other on its static result. */
#define LOCALE_BUG 1
#include "locale_ok.c"
