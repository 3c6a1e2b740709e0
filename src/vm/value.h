/* value.h: the tagged value every register, slot and container holds. */
#ifndef LOOPBOOK_VALUE_H
#define LOOPBOOK_VALUE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Obj Obj;

/* Immediate kinds live in the tag; everything else is a heap Obj. VAL_EMPTY
 * marks an unbound local, an empty dict slot or "no value" in C APIs: it is
 * never visible to Python code. */
typedef enum {
    VAL_EMPTY = 0,
    VAL_NONE,
    VAL_BOOL,
    VAL_INT,   /* 64-bit small int; big ints are OBJ_BIGINT */
    VAL_FLOAT,
    VAL_OBJ,
} ValueTag;

typedef struct {
    uint32_t tag;
    union {
        bool b;
        int64_t i;
        double f;
        Obj *obj;
    } as;
} Value;

#define EMPTY_VAL ((Value){VAL_EMPTY, {.i = 0}})
#define NONE_VAL ((Value){VAL_NONE, {.i = 0}})
#define BOOL_VAL(v) ((Value){VAL_BOOL, {.b = (v)}})
#define TRUE_VAL BOOL_VAL(true)
#define FALSE_VAL BOOL_VAL(false)
#define INT_VAL(v) ((Value){VAL_INT, {.i = (v)}})
#define FLOAT_VAL(v) ((Value){VAL_FLOAT, {.f = (v)}})
#define OBJ_VAL(o) ((Value){VAL_OBJ, {.obj = (Obj *)(o)}})

#define IS_EMPTY(v) ((v).tag == VAL_EMPTY)
#define IS_NONE(v) ((v).tag == VAL_NONE)
#define IS_BOOL(v) ((v).tag == VAL_BOOL)
#define IS_INT(v) ((v).tag == VAL_INT)
#define IS_FLOAT(v) ((v).tag == VAL_FLOAT)
#define IS_OBJ(v) ((v).tag == VAL_OBJ)

#define AS_BOOL(v) ((v).as.b)
#define AS_INT(v) ((v).as.i)
#define AS_FLOAT(v) ((v).as.f)
#define AS_OBJ(v) ((v).as.obj)

/* Identity as `is` sees it: same tag and same payload bits. */
static inline bool value_is(Value a, Value b)
{
    if (a.tag != b.tag) return false;
    switch (a.tag) {
    case VAL_EMPTY:
    case VAL_NONE: return true;
    case VAL_BOOL: return a.as.b == b.as.b;
    case VAL_INT: return a.as.i == b.as.i;
    case VAL_FLOAT: return a.as.f == b.as.f || (a.as.f != a.as.f && b.as.f != b.as.f);
    default: return a.as.obj == b.as.obj;
    }
}

#endif
