/* weft/linux/completion.h - part of <weft/linux.h>:
 * completions.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_COMPLETION_H
#define WEFT_LINUX_COMPLETION_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

#define completion weft_completion
#define DECLARE_COMPLETION(x) struct weft_completion x = WEFT_COMPLETION_INIT(#x)
/* Its life ends with the function's (weft_kobj_onstack). */
#define DECLARE_COMPLETION_ONSTACK(x)                                         \
	struct weft_completion x = WEFT_COMPLETION_INIT(#x),                  \
			       *weft_onstack_##x __attribute__((              \
				       unused,                                \
				       cleanup(weft_kobj_scope_end))) =       \
				       weft_kobj_onstack(                     \
					       &x, sizeof x,                  \
					       WEFT_KOBJ_COMPLETION, WEFT_HERE)
#define init_completion(c)                                                    \
	weft_completion_init((c), WEFT_LX_NAME(#c), WEFT_HERE)
#define reinit_completion(c) weft_completion_reinit((c), WEFT_HERE)
#define complete(c) weft_complete((c), 0, WEFT_WAKE_HERE("complete", #c))
#define complete_all(c)                                                       \
	weft_complete((c), 1, WEFT_WAKE_HERE("complete_all", #c))
#define wait_for_completion(c) weft_wait_for_completion((c), WEFT_HERE)
#define wait_for_completion_interruptible(c)                                  \
	WEFT_LX_VAL(weft_wait_for_completion_intr((c), WEFT_HERE))
#define wait_for_completion_killable(c)                                       \
	WEFT_LX_VAL((weft_wait_for_completion((c), WEFT_HERE), 0))
#define wait_for_completion_timeout(c, t)                                     \
	weft_wait_for_completion_timeout((c), (t), WEFT_HERE)
#define wait_for_completion_interruptible_timeout(c, t)                       \
	WEFT_LX_VAL(weft_wait_for_completion_intr_timeout((c), (t), WEFT_HERE))
#define try_wait_for_completion(c)                                            \
	(weft_try_wait_for_completion((c), WEFT_HERE))
#define completion_done(c) (weft_completion_done((c), WEFT_HERE))

#endif
