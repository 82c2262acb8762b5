/* linux/device.h - weft's kernel header tree: the part of the kernel's
 * <linux/device.h> a driver's concurrency needs: a struct device with its
 * name, its driver data and its reference count, and the dev_* messages
 * (which, like printk, print nothing).  Device-managed memory
 * (devm_kzalloc and the like) lives until the device is unbound, which
 * weft does not model: a use says so at compile time.  The rest of the
 * driver model (buses, sysfs, power management) is not here.
 *
 * The reference count is a kref of weft's (src/linux/refcount.c), as the
 * kernel's is its kobject's (Documentation/core-api/kobject.rst):
 * device_initialize sets it to one, get_device and put_device are steps
 * on it, and the put that drops the last reference calls the release
 * callback (dev->release, else the type's, else the class's dev_release),
 * which frees the structure.  So a get_device or put_device of a released
 * device is a use-after-free, or a refcount error when the memory is
 * still there (an increment from zero, an underflow); a device with no
 * release callback at its last put is the kernel's WARN (an assertion);
 * and a device initialised in kmalloc'd memory whose last reference is
 * never dropped is a leak.  device_add and device_del register and
 * unregister (nothing but a check that they pair, and the parent's
 * reference the kernel takes); device_register and device_unregister are
 * the kernel's compositions. */
#ifndef WEFT_KERNEL_LINUX_DEVICE_H
#define WEFT_KERNEL_LINUX_DEVICE_H
#include <linux/weft_kernel.h>

struct device;
#define dev_name_(dev) ((dev)->init_name ? (dev)->init_name : "device")
struct device_type {
	const char *name;
	void (*release)(struct device *dev);
};
struct class {
	const char *name;
	void (*dev_release)(struct device *dev);
};

struct device {
	const char *init_name;
	struct device *parent;
	void *driver_data;
	const struct device_type *type;
	const struct class *class;
	void (*release)(struct device *dev);
	/* weft's: the count, and whether device_add registered it. */
	struct weft_kref weft_ref;
	int weft_added;
};

static inline void weft_kx_device_initialize(struct device *dev,
					     const struct weft_loc *loc)
{
	weft_kref_init(&dev->weft_ref, loc);
	dev->weft_added = 0;
}
static inline struct device *weft_kx_get_device(struct device *dev,
						const struct weft_loc *loc)
{
	if (dev)
		weft_refcount_add(&dev->weft_ref.refcount, 1, 0, 0,
				  "get_device", loc);
	return dev;
}
static inline void weft_kx_put_device(struct device *dev,
				      const struct weft_loc *loc)
{
	const char *name;

	if (!dev)
		return;
	/* The name is read before the count drops: after it, the memory
	 * may be another thread's to free. */
	name = dev->init_name ? dev->init_name : "device";
	if (!weft_refcount_add(&dev->weft_ref.refcount, -1, 0, 1,
			       "put_device", loc))
		return;
	/* The kernel's device_release, in its order. */
	if (dev->release)
		dev->release(dev);
	else if (dev->type && dev->type->release)
		dev->type->release(dev);
	else if (dev->class && dev->class->dev_release)
		dev->class->dev_release(dev);
	else
		weft_kx_device_no_release(dev, name, loc);
}
#define device_initialize(dev) weft_kx_device_initialize((dev), WEFT_HERE)
#define get_device(dev) weft_kx_get_device((dev), WEFT_HERE)
#define put_device(dev) weft_kx_put_device((dev), WEFT_HERE)

/* Registration: the parent is held while the device is added. */
static inline int weft_kx_device_add(struct device *dev,
				     const struct weft_loc *loc)
{
	if (dev->weft_added)
		weft_kx_device_misuse("device_add of a device already added",
				      dev_name_(dev), loc);
	weft_kx_get_device(dev, loc);
	dev->weft_added = 1;
	weft_kx_get_device(dev->parent, loc);
	weft_kx_put_device(dev, loc);
	return 0;
}
static inline void weft_kx_device_del(struct device *dev,
				      const struct weft_loc *loc)
{
	if (!dev->weft_added)
		weft_kx_device_misuse("device_del of a device that was not "
				      "added", dev_name_(dev), loc);
	dev->weft_added = 0;
	weft_kx_put_device(dev->parent, loc);
}
#define device_add(dev) weft_kx_device_add((dev), WEFT_HERE)
#define device_del(dev) weft_kx_device_del((dev), WEFT_HERE)
#define device_register(dev)                                                  \
	(device_initialize(dev), device_add(dev))
#define device_unregister(dev)                                                \
	do {                                                                  \
		struct device *weft_d_ = (dev);                               \
		device_del(weft_d_);                                          \
		put_device(weft_d_);                                          \
	} while (0)
#define device_is_registered(dev) ((dev)->weft_added)

/* Never block; plain accesses to the device (races are seen). */
static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}
static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}
static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name ? dev->init_name : "device";
}

#define dev_emerg(dev, ...) ((void)(dev), weft_lx_printk(__VA_ARGS__))
#define dev_alert(dev, ...) ((void)(dev), weft_lx_printk(__VA_ARGS__))
#define dev_crit(dev, ...) ((void)(dev), weft_lx_printk(__VA_ARGS__))
#define dev_err(dev, ...) ((void)(dev), weft_lx_printk(__VA_ARGS__))
#define dev_warn(dev, ...) ((void)(dev), weft_lx_printk(__VA_ARGS__))
#define dev_notice(dev, ...) ((void)(dev), weft_lx_printk(__VA_ARGS__))
#define dev_info(dev, ...) ((void)(dev), weft_lx_printk(__VA_ARGS__))
#define dev_dbg(dev, ...) ((void)(dev), weft_lx_printk(__VA_ARGS__))
#define dev_err_once dev_err
#define dev_warn_once dev_warn
#define dev_info_once dev_info
#define dev_err_ratelimited dev_err
#define dev_warn_ratelimited dev_warn
#define dev_info_ratelimited dev_info
#define dev_dbg_ratelimited dev_dbg
/* Logs and returns err, as the kernel's does. */
#define dev_err_probe(dev, err, ...)                                          \
	((void)(dev), weft_lx_printk(__VA_ARGS__), (err))

WEFT_KX_UNMODELLED("device-managed memory (devm_kzalloc: freed when the "
		   "device is unbound, which weft does not model; use "
		   "kzalloc and kfree)")
void *devm_kzalloc(struct device *dev, size_t size, gfp_t flags);
WEFT_KX_UNMODELLED("device-managed memory (devm_kmalloc: use kmalloc and "
		   "kfree)")
void *devm_kmalloc(struct device *dev, size_t size, gfp_t flags);
WEFT_KX_UNMODELLED("device-managed memory (devm_kfree)")
void devm_kfree(struct device *dev, const void *p);
#endif
