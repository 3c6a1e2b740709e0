/* frame.h: pushing and popping frames on a fiber's chunked stacks. */
#ifndef LOOPBOOK_FRAME_H
#define LOOPBOOK_FRAME_H

#include "vm.h"

/* Push a frame that runs fn. The arguments already sit at args: nargs
 * positional values, then the values of kwnames. The result will be written to
 * *ret. Binds the parameters (defaults, *args, **kwargs, cells). NULL with an
 * exception set when the arguments do not fit or recursion is too deep. */
Frame *frame_push_call(VM *vm, ObjFiber *f, ObjFunction *fn, Value *args, int nargs, ObjTuple *kwnames,
                       Value *ret, uint32_t flags);
/* Pop the top frame and set the fiber's stack top to new_sp (in the caller). */
void frame_pop(VM *vm, ObjFiber *f, Value *new_sp);
/* Room for n values on top of the fiber's stack (a new chunk when needed);
 * returns where they go and moves the stack top past them. */
Value *fiber_push_values(VM *vm, ObjFiber *f, uint32_t n);
/* Move the stack top back to sp, releasing chunks above it. */
void fiber_set_sp(ObjFiber *f, Value *sp);

/* Where the operand stack of a frame starts. */
static inline Value *frame_stack_base(const Frame *fr)
{
    return fr->slots + fr->code->n_locals + fr->code->n_cells + fr->code->n_free;
}

/* The line being run in a frame (its ip points past the current instruction). */
uint32_t frame_line(const Frame *fr);
/* The line of the instruction at a byte offset. */
uint32_t code_line_at(const ObjCode *code, uint32_t offset);

#endif
