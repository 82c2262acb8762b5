/* linux/device.h - weft's kernel header tree: the part of the kernel's
 * <linux/device.h> a driver's concurrency needs, a struct device that
 * carries its name and its driver data, and the dev_* messages (which,
 * like printk, print nothing).  Device-managed memory (devm_kzalloc and
 * the like) lives until the device is unbound, which weft does not model:
 * a use says so at compile time.  The rest of the driver model (buses,
 * sysfs, power management) is not here. */
#ifndef WEFT_KERNEL_LINUX_DEVICE_H
#define WEFT_KERNEL_LINUX_DEVICE_H
#include <linux/weft_kernel.h>

struct device {
	const char *init_name;
	struct device *parent;
	void *driver_data;
};

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
