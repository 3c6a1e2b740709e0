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
/* Move the stack top back to sp, releasing chunks above it. */
void fiber_set_sp(ObjFiber *f, Value *sp);
/* The slow parts of frame_pop: leaving a frame chunk or a stack chunk. */
void frame_pop_chunk(ObjFiber *f);

/* Pop the top frame and set the fiber's stack top to new_sp (in the caller). */
static inline void frame_pop(VM *vm, ObjFiber *f, Value *new_sp)
{
    f->frame = f->frame->prev;
    vm->depth--;
    FrameChunk *fc = f->frame_chunk;
    if (--fc->used == 0 && fc->prev != NULL) frame_pop_chunk(f);
    if (new_sp >= f->stack->data && new_sp <= f->stack_limit) f->sp = new_sp;
    else fiber_set_sp(f, new_sp);
}

/* The fast call: a function with positional parameters only, called with
 * exactly that many arguments, when its frame fits the current chunks. NULL
 * when any of that does not hold (take frame_push_call then). */
static inline Frame *frame_push_simple(VM *vm, ObjFiber *f, ObjFunction *fn, Value *args, int nargs, Value *ret)
{
    ObjCode *c = fn->code;
    if (!(c->flags & CODE_SIMPLE_ARGS) || nargs != c->argcount || vm->depth >= vm->max_depth) return NULL;
    if (args + c->frame_size > f->stack_limit) return NULL;
    FrameChunk *fc = f->frame_chunk;
    if (fc == NULL || fc->used == fc->cap) return NULL;
    Frame *fr = &fc->frames[fc->used++];
    for (uint32_t i = (uint32_t)nargs; i < c->n_locals; i++) args[i] = EMPTY_VAL;
    fr->prev = f->frame;
    fr->func = fn;
    fr->code = c;
    fr->ip = c->bytecode;
    fr->slots = args;
    fr->ret = ret;
    fr->globals = fn->globals;
    fr->locals_dict = NULL;
    fr->flags = 0;
    f->frame = fr;
    vm->depth++;
    f->sp = args + c->n_locals;
    return fr;
}
/* Room for n values on top of the fiber's stack (a new chunk when needed);
 * returns where they go and moves the stack top past them. */
Value *fiber_push_values(VM *vm, ObjFiber *f, uint32_t n);

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
