/* src/sched/listen.c - telling the listeners of src/listeners.def, in its
 * order, of an execution's begin, of each step taken and of its end.
 *
 * The calls are direct, generated from the list, so a step costs no
 * indirect call per listener.  A listener of a part the build may leave
 * out (the _OPT forms) is declared weak (internal.h): when its file is not
 * linked, its address is null and it is skipped. */
#include "sched.h"

void weft__listeners_begin(void)
{
#define WEFT__ON_BEGIN(f) f();
#define WEFT__ON_BEGIN_OPT(f) if (f) f();
#include "listeners.def"
}

void weft__listeners_chosen(int tid, const struct weft__op *op)
{
#define WEFT__ON_CHOSEN(f) f(tid, op);
#include "listeners.def"
}

void weft__listeners_step(int tid, const struct weft__op *op)
{
#define WEFT__ON_STEP(f) f(tid, op);
#include "listeners.def"
}

void weft__listeners_end(void)
{
#define WEFT__ON_END(f) f();
#define WEFT__ON_END_OPT(f) if (f) f();
#include "listeners.def"
}

void weft__listeners_done(void)
{
#define WEFT__ON_DONE_OPT(f) if (f) f();
#include "listeners.def"
}
