/* vm.c: the VM's life cycle, its GC roots, raising exceptions and class
 * relations. The dispatch loop is in interp.c, calls in call.c, attributes
 * in attr.c. */
#include "vm.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "builtins.h"
#include "interp.h"
#include "modules.h"
#include "str.h"
#include "types.h"

#define DEFAULT_RECURSION_LIMIT 1000

static void make_singletons(VM *vm)
{
    vm->empty_tuple = tuple_new(vm, NULL, 0);
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        vm->small_strs[c] = OBJ_VAL(str_intern(vm, &ch, 1));
    }
    vm->not_implemented = OBJ_VAL(instance_new(vm, vm->c.NotImplementedType));
    vm->ellipsis = OBJ_VAL(instance_new(vm, vm->c.ellipsis));
}

VM *vm_new(void)
{
    VM *vm = calloc(1, sizeof(VM));
    if (vm == NULL) abort();
    vm->next_gc = GC_FIRST_THRESHOLD_BYTES;
    vm->max_depth = DEFAULT_RECURSION_LIMIT;
    vm->ticks = TICK_INTERVAL;
    vm->exception = EMPTY_VAL;
    vm->out = stdout;
    vm->err = stderr;
    vm->gc_running = true; /* no collection while the roots are half made */
    types_create_classes(vm);
    vm->gc_running = false;
    make_singletons(vm);
    vm->builtins = dict_new(vm);
    vm->modules = dict_new(vm);
    vm->main_globals = dict_new(vm);
    types_install_methods(vm);
    builtins_install(vm);
    modules_install(vm);
    dict_set_str(vm, vm->main_globals, vm->n.__name__, OBJ_VAL(vm->n.__main__));
    vm->main_fiber = fiber_new(vm);
    vm->fiber = vm->main_fiber;
    vm->main_fiber->state = FIBER_RUNNING;
    return vm;
}

void vm_free(VM *vm)
{
    if (vm == NULL) return;
    gc_free_all(vm);
    str_table_free(vm);
    free(vm->roots);
    free(vm->extra_roots);
    free(vm);
}

/* ---- roots --------------------------------------------------------------- */

void vm_grow_roots(VM *vm)
{
    vm->root_cap = GC_GROW_CAP(vm->root_cap);
    vm->roots = realloc(vm->roots, vm->root_cap * sizeof(Value));
    if (vm->roots == NULL) abort();
}

void vm_add_root(VM *vm, Value *slot)
{
    if (vm->n_extra_roots == vm->extra_roots_cap) {
        vm->extra_roots_cap = GC_GROW_CAP(vm->extra_roots_cap);
        vm->extra_roots = realloc(vm->extra_roots, vm->extra_roots_cap * sizeof(Value *));
        if (vm->extra_roots == NULL) abort();
    }
    vm->extra_roots[vm->n_extra_roots++] = slot;
}

/* ---- raising ------------------------------------------------------------- */

bool vm_raise(VM *vm, ObjClass *cls, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    ObjStr *msg;
    if (n >= 0 && (size_t)n < sizeof small) {
        msg = str_new(vm, small, (size_t)n);
    } else {
        char *big = malloc(n > 0 ? (size_t)n + 1 : 1);
        if (big == NULL) abort();
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        msg = str_new(vm, big, (size_t)n);
        free(big);
    }
    vm_push_root(vm, OBJ_VAL(msg));
    Value arg = OBJ_VAL(msg);
    ObjTuple *args = tuple_new(vm, &arg, 1);
    vm_push_root(vm, OBJ_VAL(args));
    ObjException *e = exception_new(vm, cls, args);
    vm_pop_root(vm, 2);
    return vm_raise_value(vm, OBJ_VAL(e));
}

bool vm_raise_value(VM *vm, Value exc)
{
    if (IS_CLASS(exc)) {
        Value inst;
        if (!vm_call(vm, exc, NULL, 0, NULL, &inst)) return false;
        exc = inst;
    }
    if (!IS_EXCEPTION(exc)) {
        return vm_raise(vm, vm->c.TypeError, "exceptions must derive from BaseException");
    }
    /* An exception raised while another is being handled remembers it. */
    vm_chain_context(exc, vm_handled_exception(vm));
    vm->exception = exc;
    return false;
}

Value vm_handled_exception(VM *vm)
{
    for (ObjFiber *f = vm->fiber; f != NULL; f = f->caller)
        if (IS_EXCEPTION(f->exc_info)) return f->exc_info;
    return NONE_VAL;
}

static Value context_of(Value e)
{
    return IS_EXCEPTION(e) ? AS_EXCEPTION(e)->context : NONE_VAL;
}

/* Cut the context chain that starts at `from` where it reaches exc. The
 * chain may already loop (__context__ can be assigned): the walk stops when
 * it comes round, found by a second walker at half speed (Floyd's). */
static void cut_context_cycle(Value from, Value exc)
{
    Value o = from, slow = from;
    bool move_slow = false;
    for (Value next = context_of(o); IS_EXCEPTION(next); next = context_of(o)) {
        if (value_is(next, exc)) {
            AS_EXCEPTION(o)->context = NONE_VAL;
            return;
        }
        o = next;
        if (value_is(o, slow)) return;
        if (move_slow) slow = context_of(slow);
        move_slow = !move_slow;
    }
}

void vm_chain_context(Value exc, Value handling)
{
    if (!IS_EXCEPTION(handling) || value_is(handling, exc)) return;
    cut_context_cycle(handling, exc);
    AS_EXCEPTION(exc)->context = handling;
}

bool vm_exception_matches(VM *vm, ObjClass *cls)
{
    return !IS_EMPTY(vm->exception) && vm_isinstance(vm, vm->exception, cls);
}

Value vm_take_exception(VM *vm)
{
    Value e = vm->exception;
    vm->exception = EMPTY_VAL;
    return e;
}

/* ---- classes ------------------------------------------------------------- */

ObjClass *vm_class_of(VM *vm, Value v)
{
    switch (v.tag) {
    case VAL_NONE: return vm->c.NoneType;
    case VAL_BOOL: return vm->c.bool_;
    case VAL_INT: return vm->c.int_;
    case VAL_FLOAT: return vm->c.float_;
    case VAL_OBJ: return AS_OBJ(v)->cls;
    default: return vm->c.NoneType;
    }
}

bool class_is_subclass(ObjClass *sub, ObjClass *cls)
{
    for (ObjClass *c = sub; c != NULL; c = c->base) {
        if (c == cls) return true;
        if (c->extra_base && class_is_subclass(c->extra_base, cls)) return true;
    }
    return false;
}

bool vm_isinstance(VM *vm, Value v, ObjClass *cls)
{
    return class_is_subclass(vm_class_of(vm, v), cls);
}

void vm_define_native(VM *vm, ObjDict *dict, const char *name, NativeFn fn, ObjClass *owner)
{
    ObjNative *n = native_new(vm, name, fn, owner);
    vm_push_root(vm, OBJ_VAL(n));
    dict_set_str(vm, dict, n->name, OBJ_VAL(n));
    vm_pop_root(vm, 1);
}

void vm_define_value(VM *vm, ObjDict *dict, const char *name, Value v)
{
    vm_push_root(vm, v);
    ObjStr *key = str_intern_cstr(vm, name);
    dict_set_str(vm, dict, key, v);
    vm_pop_root(vm, 1);
}

void vm_write(VM *vm, const char *bytes, size_t len)
{
    fwrite(bytes, 1, len, vm->out);
    if (len) vm->out_mid_line = bytes[len - 1] != '\n';
}

void vm_end_line(VM *vm)
{
    if (vm->out_mid_line) vm_write(vm, "\n", 1);
}

bool vm_check_interrupt(VM *vm)
{
    if (!vm->interrupt_pending) return true;
    vm->interrupt_pending = 0;
    if (vm->interrupt_hook && vm->interrupt_hook(vm)) return true;
    return vm_raise_value(vm, OBJ_VAL(vm->c.KeyboardInterrupt));
}

TickOutcome vm_tick(VM *vm)
{
    vm->ticks = TICK_INTERVAL;
    if (vm->interrupt_pending && !vm_check_interrupt(vm)) return TICK_ERROR;
    return vm->tick_hook ? vm->tick_hook(vm) : TICK_GO;
}

/* The one VM Ctrl-C is delivered to (the process runs one session). */
static VM *volatile interrupt_target;

static void on_sigint(int sig)
{
    (void)sig;
    VM *vm = interrupt_target;
    if (vm == NULL) return;
    vm->interrupt_pending = 1;
    vm->ticks = 0;
    if (vm->interrupt_wakeup) vm->interrupt_wakeup(vm);
}

void vm_catch_sigint(VM *vm)
{
    interrupt_target = vm;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = vm ? on_sigint : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}
