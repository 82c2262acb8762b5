/* sys/queue.h - weft's FreeBSD kernel header tree: the C library's
 * <sys/queue.h> (glibc's is 4.4BSD's), with the traversals FreeBSD added
 * since, which drivers use to free the elements of a list as they walk
 * it.  Each _SAFE form is queue(3)'s: var takes every element in turn
 * (from the first, or from the last for the _REVERSE_ form), and tvar
 * holds the next one before the loop's body runs, so the body may remove
 * var from the list and free it.  Defined only where the C library has no
 * macro of that name. */
#ifndef WEFT_KERNEL_SYS_QUEUE_H
#define WEFT_KERNEL_SYS_QUEUE_H

#include_next <sys/queue.h>

#ifndef SLIST_FOREACH_SAFE
#define SLIST_FOREACH_SAFE(var, head, field, tvar)                            \
	for ((var) = SLIST_FIRST(head);                                       \
	     (var) && ((tvar) = SLIST_NEXT((var), field), 1); (var) = (tvar))
#endif

#ifndef LIST_FOREACH_SAFE
#define LIST_FOREACH_SAFE(var, head, field, tvar)                             \
	for ((var) = LIST_FIRST(head);                                        \
	     (var) && ((tvar) = LIST_NEXT((var), field), 1); (var) = (tvar))
#endif

#ifndef STAILQ_FOREACH_SAFE
#define STAILQ_FOREACH_SAFE(var, head, field, tvar)                           \
	for ((var) = STAILQ_FIRST(head);                                      \
	     (var) && ((tvar) = STAILQ_NEXT((var), field), 1); (var) = (tvar))
#endif

#ifndef TAILQ_FOREACH_SAFE
#define TAILQ_FOREACH_SAFE(var, head, field, tvar)                            \
	for ((var) = TAILQ_FIRST(head);                                       \
	     (var) && ((tvar) = TAILQ_NEXT((var), field), 1); (var) = (tvar))
#endif

#ifndef TAILQ_FOREACH_REVERSE_SAFE
#define TAILQ_FOREACH_REVERSE_SAFE(var, head, headname, field, tvar)          \
	for ((var) = TAILQ_LAST((head), headname);                            \
	     (var) && ((tvar) = TAILQ_PREV((var), headname, field), 1);       \
	     (var) = (tvar))
#endif

#endif
