/* linux/ctype.h - weft's kernel header tree: the kernel's character
 * classes.  Below 128 they are ASCII's, the C library's in the C locale;
 * from 128 on the kernel classifies as ISO 8859-1 (Latin-1) does, which
 * no C locale weft can count on gives: 128-159 are controls, 160 (no-break
 * space) a space, 192-222 upper case and 223-255 lower case but for the
 * signs 215 and 247, and the rest punctuation; tolower and toupper move
 * between the cases by 32, as the kernel's do.  The kernel's macros take
 * a char, which may be negative: it is taken as an unsigned char, as the
 * kernel's table lookup does. */
#ifndef WEFT_KERNEL_LINUX_CTYPE_H
#define WEFT_KERNEL_LINUX_CTYPE_H
#include <linux/weft_kernel.h>
#include <ctype.h>

#define WEFT_KX_CT_U 0x01  /* upper */
#define WEFT_KX_CT_L 0x02  /* lower */
#define WEFT_KX_CT_D 0x04  /* digit */
#define WEFT_KX_CT_C 0x08  /* control */
#define WEFT_KX_CT_P 0x10  /* punctuation */
#define WEFT_KX_CT_S 0x20  /* white space */
#define WEFT_KX_CT_X 0x40  /* hexadecimal digit */
#define WEFT_KX_CT_SP 0x80 /* the space character (printable) */

static inline int weft_kx_ctype(int ch)
{
	unsigned char c = (unsigned char)ch;

	if (c < 128)
		return ((isupper)(c) ? WEFT_KX_CT_U : 0) |
		       ((islower)(c) ? WEFT_KX_CT_L : 0) |
		       ((isdigit)(c) ? WEFT_KX_CT_D : 0) |
		       ((iscntrl)(c) ? WEFT_KX_CT_C : 0) |
		       ((ispunct)(c) ? WEFT_KX_CT_P : 0) |
		       ((isspace)(c) ? WEFT_KX_CT_S : 0) |
		       ((isxdigit)(c) ? WEFT_KX_CT_X : 0) |
		       (c == ' ' ? WEFT_KX_CT_SP : 0);
	if (c < 160)
		return WEFT_KX_CT_C;
	if (c == 160)
		return WEFT_KX_CT_S | WEFT_KX_CT_SP;
	if (c == 215 || c == 247 || c < 192)
		return WEFT_KX_CT_P;
	return c < 223 ? WEFT_KX_CT_U : WEFT_KX_CT_L;
}

#define weft_kx_is(c, m) ((weft_kx_ctype(c) & (m)) != 0)
#undef isalnum
#undef isalpha
#undef iscntrl
#undef isdigit
#undef isgraph
#undef islower
#undef isprint
#undef ispunct
#undef isspace
#undef isupper
#undef isxdigit
#undef tolower
#undef toupper
#define isalnum(c) weft_kx_is(c, WEFT_KX_CT_U | WEFT_KX_CT_L | WEFT_KX_CT_D)
#define isalpha(c) weft_kx_is(c, WEFT_KX_CT_U | WEFT_KX_CT_L)
#define iscntrl(c) weft_kx_is(c, WEFT_KX_CT_C)
#define isdigit(c) weft_kx_is(c, WEFT_KX_CT_D)
#define isgraph(c)                                                            \
	weft_kx_is(c, WEFT_KX_CT_P | WEFT_KX_CT_U | WEFT_KX_CT_L | WEFT_KX_CT_D)
#define islower(c) weft_kx_is(c, WEFT_KX_CT_L)
#define isprint(c)                                                            \
	weft_kx_is(c, WEFT_KX_CT_P | WEFT_KX_CT_U | WEFT_KX_CT_L |            \
			      WEFT_KX_CT_D | WEFT_KX_CT_SP)
#define ispunct(c) weft_kx_is(c, WEFT_KX_CT_P)
#define isspace(c) weft_kx_is(c, WEFT_KX_CT_S)
#define isupper(c) weft_kx_is(c, WEFT_KX_CT_U)
#define isxdigit(c) weft_kx_is(c, WEFT_KX_CT_D | WEFT_KX_CT_X)

static inline unsigned char weft_kx_tolower(unsigned char c)
{
	return isupper(c) ? (unsigned char)(c + 32) : c;
}
static inline unsigned char weft_kx_toupper(unsigned char c)
{
	return islower(c) ? (unsigned char)(c - 32) : c;
}
#define tolower(c) weft_kx_tolower((unsigned char)(c))
#define toupper(c) weft_kx_toupper((unsigned char)(c))
#undef isascii
#undef toascii
#define isascii(c) ((unsigned char)(c) <= 0x7f)
#define toascii(c) ((unsigned char)(c) & 0x7f)
#define isodigit(c) ((c) >= '0' && (c) <= '7')
#undef _tolower
#define _tolower(c) ((c) | 0x20)
#endif
