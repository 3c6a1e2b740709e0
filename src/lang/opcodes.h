/* opcodes.h: the one table of instructions that the compiler, the VM and the
 * disassembler all read.
 *
 * Encoding: one opcode byte, then its operand: none (0 bytes), B (u8),
 * H (u16, little-endian), W (u32) or HH (two u16). Jump targets are absolute
 * byte offsets in the code (W). */
#ifndef LOOPBOOK_OPCODES_H
#define LOOPBOOK_OPCODES_H

#include <stdint.h>
#include <string.h>

/* X(NAME, operand format) */
#define OPCODE_LIST(X)                                                                             \
    X(NOP, N)                                                                                      \
    /* stack */                                                                                    \
    X(POP_TOP, N)                                                                                  \
    X(POP_ITER, N)         /* a for loop's iterator, left early (break, return) */                \
    X(COPY, B)             /* push a copy of the item B deep (1 = top) */                          \
    X(SWAP, B)             /* swap top with the item B deep */                                     \
    /* constants and names */                                                                      \
    X(LOAD_CONST, W)                                                                               \
    X(LOAD_NONE, N)                                                                                \
    X(LOAD_TRUE, N)                                                                                \
    X(LOAD_FALSE, N)                                                                               \
    X(LOAD_SMALL_INT, H)   /* operand - 32768 */                                                   \
    X(LOAD_FAST, H)                                                                                \
    X(STORE_FAST, H)                                                                               \
    X(DELETE_FAST, H)                                                                              \
    X(LOAD_DEREF, H)       /* cells then free variables */                                         \
    X(STORE_DEREF, H)                                                                              \
    X(DELETE_DEREF, H)                                                                             \
    X(LOAD_CLOSURE, H)     /* push the cell itself */                                              \
    X(LOAD_GLOBAL, H)                                                                              \
    X(STORE_GLOBAL, H)                                                                             \
    X(DELETE_GLOBAL, H)                                                                            \
    X(LOAD_NAME, H)        /* class bodies: locals dict, globals, builtins */                      \
    X(STORE_NAME, H)                                                                               \
    X(DELETE_NAME, H)                                                                              \
    X(LOAD_ATTR, H)                                                                                \
    X(STORE_ATTR, H)       /* TOS.name = TOS1 */                                                   \
    X(DELETE_ATTR, H)                                                                              \
    X(LOAD_METHOD, H)      /* obj -> [func, obj] or [EMPTY, attr] */                               \
    X(BINARY_SUBSCR, N)                                                                            \
    X(STORE_SUBSCR, N)     /* TOS1[TOS] = TOS2 */                                                  \
    X(DELETE_SUBSCR, N)                                                                            \
    X(BUILD_SLICE, B)                                                                              \
    /* operators */                                                                                \
    X(BINARY_ADD, N)                                                                               \
    X(BINARY_SUB, N)                                                                               \
    X(BINARY_MUL, N)                                                                               \
    X(BINARY_OP, B)        /* BinaryOp | 0x80 for in-place */                                      \
    X(INPLACE_ADD_FAST, H) /* local H += TOS: a str held only by H grows in place */               \
    X(COMPARE_LT, N)                                                                               \
    X(COMPARE_LE, N)                                                                               \
    X(COMPARE_EQ, N)                                                                               \
    X(COMPARE_NE, N)                                                                               \
    X(COMPARE_GT, N)                                                                               \
    X(COMPARE_GE, N)                                                                               \
    X(IS_OP, B)            /* 1: is not */                                                         \
    X(CONTAINS_OP, B)      /* 1: not in */                                                         \
    X(UNARY_NEG, N)                                                                                \
    X(UNARY_POS, N)                                                                                \
    X(UNARY_INVERT, N)                                                                             \
    X(UNARY_NOT, N)                                                                                \
    /* control flow */                                                                             \
    X(JUMP, W)                                                                                     \
    X(LOOP, W)             /* a backward jump: where Ctrl-C is noticed */                          \
    X(POP_JUMP_IF_FALSE, W)                                                                        \
    X(POP_JUMP_IF_TRUE, W)                                                                         \
    X(JUMP_IF_FALSE_OR_POP, W)                                                                     \
    X(JUMP_IF_TRUE_OR_POP, W)                                                                      \
    X(JUMP_IF_NOT_LT, W)   /* pop b, a; jump unless a < b (a compare fused with its branch) */     \
    X(JUMP_IF_NOT_LE, W)                                                                           \
    X(JUMP_IF_NOT_EQ, W)                                                                           \
    X(JUMP_IF_NOT_NE, W)                                                                           \
    X(JUMP_IF_NOT_GT, W)                                                                           \
    X(JUMP_IF_NOT_GE, W)                                                                           \
    X(GET_ITER, N)                                                                                 \
    X(FOR_ITER, W)         /* push next item, or pop the iterator and jump */                      \
    /* building */                                                                                 \
    X(BUILD_TUPLE, H)                                                                              \
    X(BUILD_LIST, H)                                                                               \
    X(BUILD_SET, H)                                                                                \
    X(BUILD_MAP, H)        /* H key/value pairs */                                                 \
    X(BUILD_STRING, H)     /* concatenate H strs */                                                \
    X(LIST_APPEND, H)      /* list H deep, append TOS */                                           \
    X(SET_ADD, H)                                                                                  \
    X(MAP_ADD, H)          /* dict H deep (below key and value) */                                 \
    X(LIST_EXTEND, H)                                                                              \
    X(SET_UPDATE, H)                                                                               \
    X(DICT_UPDATE, H)                                                                              \
    X(DICT_MERGE, H)       /* like DICT_UPDATE, for ** in calls: duplicate keys are an error */    \
    X(LIST_TO_TUPLE, N)                                                                            \
    X(UNPACK_SEQUENCE, H)                                                                          \
    X(UNPACK_EX, HH)       /* targets before and after the starred one */                          \
    X(FORMAT_VALUE, B)     /* bits 0-1: conversion (0, s, r, a); bit 2: spec on TOS */             \
    /* functions and calls */                                                                      \
    X(MAKE_FUNCTION, B)    /* 1 defaults, 2 kw defaults, 4 closure; code on TOS */                 \
    X(CALL, H)             /* callee, args */                                                      \
    X(CALL_METHOD, H)      /* [func, self] or [EMPTY, callee], args */                             \
    X(CALL_KW, H)          /* callee, args, kw values, kwnames tuple; H counts all values */       \
    X(CALL_METHOD_KW, H)                                                                           \
    X(CALL_EX, B)          /* callee, args tuple[, kwargs dict when B] */                          \
    X(RETURN_VALUE, N)                                                                             \
    X(LOAD_BUILD_CLASS, N)                                                                         \
    /* exceptions */                                                                               \
    X(RAISE, B)            /* 0 re-raise, 1 raise TOS, 2 raise TOS1 from TOS */                    \
    X(RERAISE, N)          /* re-raise TOS keeping its traceback */                                \
    X(PUSH_EXC_INFO, N)    /* exc -> [previous exc_info, exc]; exc becomes exc_info */             \
    X(POP_EXCEPT, N)       /* restore exc_info from TOS */                                         \
    X(CHECK_EXC_MATCH, N)  /* exc, type -> exc, bool */                                            \
    X(LOAD_ASSERTION_ERROR, N)                                                                     \
    X(BEFORE_WITH, N)      /* mgr -> bound __exit__, result of __enter__ */                        \
    X(BEFORE_ASYNC_WITH, N) /* mgr -> bound __aexit__, result of __aenter__ (to be awaited) */     \
    X(WITH_EXCEPT_START, N) /* exit, ..., exc -> ..., exit(type, exc, tb) */                       \
    /* modules */                                                                                  \
    X(IMPORT_NAME, H)                                                                              \
    X(IMPORT_FROM, H)                                                                              \
    /* generators and coroutines */                                                                \
    X(RETURN_GENERATOR, N) /* first op of a generator: make the object, suspend */                 \
    X(YIELD_VALUE, B)      /* B: YIELD_PLAIN or YIELD_DELEGATED (see below) */                    \
    X(GET_YIELD_FROM_ITER, N)                                                                      \
    X(GET_AWAITABLE, B)    /* B: AWAIT_PLAIN / AWAIT_AENTER / AWAIT_AEXIT, for the error message */\
    X(SEND, W)             /* delegate to TOS1: send TOS; jump when it returned */                 \
    X(GET_AITER, N)        /* obj -> obj.__aiter__() */                                            \
    X(GET_ANEXT, N)        /* aiter -> aiter, awaitable of aiter.__anext__() */                    \
    X(END_ASYNC_FOR, N)    /* aiter, exc -> (nothing) if exc is StopAsyncIteration, else re-raise */\
    X(PRINT_EXPR, N)       /* notebook cells: show and remember an expression's value */          \
    X(POP_CALL_RESULT, N)  /* POP_TOP after a call statement: warns of a never-awaited coroutine */ \
    X(SETUP_ANNOTATIONS, N)

typedef enum {
#define X(name, fmt) OP_##name,
    OPCODE_LIST(X)
#undef X
        OP_COUNT
} Opcode;

/* `yield from` and `await` compile to one loop, whose shape generator.c relies on:
 *
 *         LOAD_NONE
 *   top:  SEND done            (the delegate sits below the value sent)
 *         YIELD_VALUE YIELD_DELEGATED
 *         JUMP top
 *   done: ...                  (the delegate's result replaced it)
 *
 * A generator suspended at YIELD_DELEGATED has its delegate on top of its
 * stack: throw() and close() go to the delegate first, and an async
 * generator passes such a value through to whoever drives it (an await in
 * its body) instead of treating it as an async `yield`. */
enum { YIELD_PLAIN = 0, YIELD_DELEGATED = 1 };
/* What GET_AWAITABLE's error names: a plain await or the awaits of `async with`. */
enum { AWAIT_PLAIN = 0, AWAIT_AENTER = 1, AWAIT_AEXIT = 2 };

typedef enum { OPFMT_N, OPFMT_B, OPFMT_H, OPFMT_W, OPFMT_HH } OperandFormat;

/* Bytes of operand that follow each opcode. */
static inline int opcode_operand_size(int fmt)
{
    static const int sizes[] = {0, 1, 2, 4, 4};
    return sizes[fmt];
}

static inline uint16_t read_u16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

static inline uint32_t read_u32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* The operand format and name of each opcode. */
extern const uint8_t opcode_formats[OP_COUNT];
extern const char *const opcode_names[OP_COUNT];

#endif
