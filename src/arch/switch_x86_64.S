/* src/arch/switch_x86_64.S - fiber context switch for x86_64 (System V).
 *
 * The System V ABI makes rbx, rbp, r12-r15 callee-saved; the x87 control
 * word and MXCSR control bits are callee-saved as well.  Everything else is
 * clobbered by a call, so the compiler has already spilled it.  A suspended
 * fiber's stack therefore holds, from its saved stack pointer upwards:
 *
 *     sp+0   MXCSR (4 bytes) and x87 control word (2 bytes), in 8 bytes
 *     sp+8   r15
 *     sp+16  r14
 *     sp+24  r13
 *     sp+32  r12
 *     sp+40  rbx
 *     sp+48  rbp
 *     sp+56  return address (where the fiber resumes)
 *
 * weft__ctx_switch(from = rdi, to = rsi): push the callee-saved state on the
 * current stack, store rsp in from->sp, load to->sp, pop the state saved
 * there and return into the other fiber.
 */
#ifndef WEFT_USE_UCONTEXT /* the fallback replaces this file */
	.text
	.globl	weft__ctx_switch
	.type	weft__ctx_switch, @function
weft__ctx_switch:
	.cfi_startproc
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
	ldmxcsr (%rsp)
	fldcw	4(%rsp)
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.cfi_endproc
	.size	weft__ctx_switch, .-weft__ctx_switch

/* First entry of a new fiber: weft__ctx_make leaves entry in r12 and its
 * argument in r13 and points the return address here.  The stack is 16-byte
 * aligned at the call, as the ABI requires; entry never returns. */
	.globl	weft__ctx_trampoline
	.type	weft__ctx_trampoline, @function
weft__ctx_trampoline:
	.cfi_startproc
	.cfi_undefined rip
	movq	%r13, %rdi
	callq	*%r12
	ud2
	.cfi_endproc
	.size	weft__ctx_trampoline, .-weft__ctx_trampoline

#endif

	.section .note.GNU-stack,"",@progbits
