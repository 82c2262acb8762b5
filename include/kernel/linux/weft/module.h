/* linux/weft/module.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  Module metadata of
 * <linux/export.h>, module.h and init.h compiles to nothing;
 * module_init and module_exit name the functions weft_module_init() and
 * weft_module_exit() run, so a test drives a driver's load and unload. */
#ifndef WEFT_KERNEL_LINUX_WEFT_MODULE_H
#define WEFT_KERNEL_LINUX_WEFT_MODULE_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

struct module;
#define THIS_MODULE ((struct module *)0)
#define KBUILD_MODNAME "weft"
#define EXPORT_SYMBOL_NS(x, ns)
#define EXPORT_SYMBOL_NS_GPL(x, ns)
#define MODULE_IMPORT_NS(ns) struct weft_kx_module_info_
#define MODULE_LICENSE(s) struct weft_kx_module_info_
#define MODULE_AUTHOR(s) struct weft_kx_module_info_
#define MODULE_DESCRIPTION(s) struct weft_kx_module_info_
#define MODULE_VERSION(s) struct weft_kx_module_info_
#define MODULE_ALIAS(s) struct weft_kx_module_info_
#define MODULE_SOFTDEP(s) struct weft_kx_module_info_
#define MODULE_FIRMWARE(s) struct weft_kx_module_info_
#define MODULE_DEVICE_TABLE(type, name) struct weft_kx_module_info_
#define MODULE_PARM_DESC(p, s) struct weft_kx_module_info_
#define module_param(name, type, perm) struct weft_kx_module_info_
#define module_param_named(n, v, type, perm) struct weft_kx_module_info_
/* module_init(fn): a test calls weft_module_init() / weft_module_exit()
 * (nothing calls them by itself: a test decides when the module loads). */
#define module_init(fn)                                                       \
	static inline int weft_module_init(void) { return fn(); }             \
	struct weft_kx_module_info_
#define module_exit(fn)                                                       \
	static inline void weft_module_exit(void) { fn(); }                   \
	struct weft_kx_module_info_
#define late_initcall(fn) module_init(fn)
#define subsys_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)
#define core_initcall(fn) module_init(fn)
#define try_module_get(m) true
#define module_put(m) ((void)0)
#define __module_get(m) ((void)0)

#endif
