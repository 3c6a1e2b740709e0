/* random.c: the random module: CPython's Mersenne Twister and seeding, and
 * random.py's algorithms on top of it (randrange through _randbelow, shuffle,
 * sample's two strategies, choices with bisect, the distributions), so a
 * seed gives CPython's exact sequence. Module-level functions are bound
 * methods of a hidden default Random instance, as in CPython. */
#include "random.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "modules.h"
#include "num.h"
#include "ops.h"
#include "sha512.h"

/* ---- the generator (MT19937) -------------------------------------------------- */

#define MT_M 397
#define MT_MATRIX_A 0x9908b0dfU
#define MT_UPPER 0x80000000U
#define MT_LOWER 0x7fffffffU

static void init_genrand(MTState *st, uint32_t s)
{
    st->mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        st->mt[i] = 1812433253U * (st->mt[i - 1] ^ (st->mt[i - 1] >> 30)) + (uint32_t)i;
    st->index = MT_N;
}

void mt_seed_words(MTState *st, const uint32_t *key, size_t n)
{
    init_genrand(st, 19650218U);
    uint32_t *mt = st->mt;
    size_t i = 1, j = 0;
    for (size_t k = n > MT_N ? n : MT_N; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= n) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; /* a non-zero initial array is assured */
    st->has_gauss = false;
}

void mt_seed_u64(MTState *st, uint64_t n)
{
    uint32_t key[2] = {(uint32_t)n, (uint32_t)(n >> 32)};
    mt_seed_words(st, key, key[1] ? 2 : 1);
}

static void generate(MTState *st)
{
    static const uint32_t mag01[2] = {0, MT_MATRIX_A};
    uint32_t *mt = st->mt, y;
    int kk;
    for (kk = 0; kk < MT_N - MT_M; kk++) {
        y = (mt[kk] & MT_UPPER) | (mt[kk + 1] & MT_LOWER);
        mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; kk < MT_N - 1; kk++) {
        y = (mt[kk] & MT_UPPER) | (mt[kk + 1] & MT_LOWER);
        mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
    }
    y = (mt[MT_N - 1] & MT_UPPER) | (mt[0] & MT_LOWER);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
    st->index = 0;
}

uint32_t mt_next(MTState *st)
{
    if (st->index >= MT_N) generate(st);
    uint32_t y = st->mt[st->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

double mt_random(MTState *st)
{
    uint32_t a = mt_next(st) >> 5, b = mt_next(st) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

uint64_t mt_getrandbits64(MTState *st, int k)
{
    if (k <= 0) return 0;
    if (k <= 32) return mt_next(st) >> (32 - k);
    uint64_t lo = mt_next(st);
    uint64_t hi = mt_next(st) >> (64 - k);
    return lo | (hi << 32);
}

/* A random integer in [0, n) for 0 < n < 2**64, as _randbelow does it. */
static uint64_t randbelow_u64(MTState *st, uint64_t n)
{
    int k = 64 - __builtin_clzll(n);
    uint64_t r;
    do r = mt_getrandbits64(st, k);
    while (r >= n);
    return r;
}

/* ---- Random objects --------------------------------------------------------- */

static void random_free(VM *vm, ObjOpaque *self)
{
    (void)vm;
    free(self->payload);
}

static const OpaqueOps random_ops = {"Random", NULL, random_free, NULL};

/* The state of a Random passed as self (args[0]). */
static bool self_state(VM *vm, Value *args, int nargs, const char *method, MTState **out)
{
    *out = NULL; /* defined on failure too, which -O3's flow analysis wants */
    if (nargs < 1)
        return vm_raise(vm, vm->c.TypeError, "unbound method Random.%s() needs an argument", method);
    Value s = args[0];
    if (!IS_KIND(s, OBJ_OPAQUE) || ((ObjOpaque *)AS_OBJ(s))->ops != &random_ops)
        return vm_raise(vm, vm->c.TypeError,
                        "descriptor '%s' for '_random.Random' objects doesn't apply to a '%s' object", method,
                        mod_type_name(vm, s));
    *out = ((ObjOpaque *)AS_OBJ(s))->payload;
    return true;
}

/* Seed from the operating system's entropy (seed(None)). */
static void seed_from_entropy(MTState *st)
{
    uint32_t key[MT_N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom((char *)key + got, sizeof key - got, 0);
        if (n <= 0) break;
        got += (size_t)n;
    }
    if (got < sizeof key) {
        /* no entropy source: the time and the process id, as CPython falls back */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint32_t k[5] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32),
                         (uint32_t)ts.tv_nsec, (uint32_t)getpid(), (uint32_t)clock()};
        mt_seed_words(st, k, 5);
        return;
    }
    mt_seed_words(st, key, MT_N);
}

/* Seed from the big-endian bytes of a non-negative integer. */
static void seed_from_be_bytes(MTState *st, const uint8_t *b, size_t n)
{
    while (n > 0 && b[0] == 0) b++, n--;
    size_t nwords = n ? (n + 3) / 4 : 1;
    uint32_t *key = calloc(nwords, sizeof(uint32_t));
    if (key == NULL) abort();
    for (size_t i = 0; i < n; i++) {
        size_t pos = n - 1 - i; /* i-th byte from the least significant end */
        key[i / 4] |= (uint32_t)b[pos] << (8 * (i % 4));
    }
    mt_seed_words(st, key, nwords);
    free(key);
}

/* Seed from a non-negative int of any size: its 32-bit words. */
static bool seed_from_int(VM *vm, MTState *st, Value n)
{
    if (IS_INT(n)) {
        mt_seed_u64(st, (uint64_t)AS_INT(n));
        return true;
    }
#if MOD_BIGINT
    if (IS_BIGINT(n)) {
        mpz_t z;
        mpz_init(z);
        value_to_mpz(n, z);
        size_t nwords = 0;
        uint32_t *words = malloc((mpz_sizeinbase(z, 2) + 31) / 32 * sizeof(uint32_t));
        if (words == NULL) abort();
        mpz_export(words, &nwords, -1, sizeof(uint32_t), 0, 0, z); /* least significant first */
        mpz_clear(z);
        mt_seed_words(st, words, nwords);
        free(words);
        return true;
    }
#endif
    size_t cap = 8, len = 0;
    uint32_t *key = malloc(cap * sizeof(uint32_t));
    if (key == NULL) abort();
    vm_push_root(vm, n);
    size_t slot = vm->root_count - 1;
    for (;;) {
        int sign;
        if (!mod_int_sign(vm, n, &sign)) goto fail;
        if (sign == 0) break;
        Value w;
        if (!mod_int_binary(vm, BINOP_AND, n, INT_VAL(0xffffffff), &w)) goto fail;
        if (!IS_INT(w)) {
            vm_raise(vm, vm->c.TypeError, "seed: cannot split the int into words");
            goto fail;
        }
        if (len == cap) {
            cap *= 2;
            key = realloc(key, cap * sizeof(uint32_t));
            if (key == NULL) abort();
        }
        key[len++] = (uint32_t)AS_INT(w);
        if (!mod_int_binary(vm, BINOP_RSHIFT, n, INT_VAL(32), &n)) goto fail;
        vm->roots[slot] = n;
    }
    vm_pop_root(vm, 1);
    if (len == 0) key[len++] = 0;
    mt_seed_words(st, key, len);
    free(key);
    return true;
fail:
    vm_pop_root(vm, 1);
    free(key);
    return false;
}

static bool is_int_value(VM *vm, Value v, int64_t i)
{
    (void)vm;
    return (IS_INT(v) && AS_INT(v) == i) || (IS_BOOL(v) && AS_BOOL(v) == i) ||
           (IS_FLOAT(v) && AS_FLOAT(v) == (double)i);
}

/* Random.seed(a=None, version=2) as random.py 3.11 does it. */
static bool seed_value(VM *vm, MTState *st, Value a, Value version)
{
    if (IS_EMPTY(version)) version = INT_VAL(2);
    if (IS_EMPTY(a) || IS_NONE(a)) {
        seed_from_entropy(st);
    } else if (IS_STR(a) && is_int_value(vm, version, 1)) {
        /* version 1: the old string hash */
        ObjStr *s = AS_STR(a);
        const char *p = s->data;
        uint64_t x = 0;
        /* code points, decoded from UTF-8 */
        size_t i = 0;
        bool first = true;
        while (i < s->byte_len) {
            uint32_t c = (uint8_t)p[i];
            int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
            if (extra) c &= 0x3Fu >> extra;
            for (int e = 1; e <= extra; e++) c = (c << 6) | ((uint8_t)p[i + (size_t)e] & 0x3F);
            i += (size_t)extra + 1;
            if (first) x = (uint64_t)c << 7, first = false;
            x = (1000003ULL * x) ^ c;
        }
        x ^= s->char_len;
        mt_seed_u64(st, x);
    } else if (IS_STR(a) && is_int_value(vm, version, 2)) {
        ObjStr *s = AS_STR(a);
        size_t n = s->byte_len;
        uint8_t *buf = malloc(n + 64);
        if (buf == NULL) abort();
        memcpy(buf, s->data, n);
        sha512(s->data, n, buf + n);
        seed_from_be_bytes(st, buf, n + 64);
        free(buf);
    } else if (mod_is_int(a) || IS_BOOL(a)) {
        Value n = IS_BOOL(a) ? INT_VAL(AS_BOOL(a)) : a;
        int sign;
        if (!mod_int_sign(vm, n, &sign)) return false;
        if (IS_INT(n) && AS_INT(n) == INT64_MIN) {
            mt_seed_u64(st, (uint64_t)1 << 63);
        } else {
            if (sign < 0 && !op_unary(vm, UNOP_NEG, n, &n)) return false;
            if (!seed_from_int(vm, st, n)) return false;
        }
    } else if (IS_FLOAT(a) || IS_STR(a)) {
        uint64_t h;
        if (!op_hash(vm, a, &h)) return false;
        mt_seed_u64(st, h); /* the hash as an unsigned word, as CPython */
    } else {
        return vm_raise(vm, vm->c.TypeError,
                        "The only supported seed types are: None,\n"
                        "int, float, str, bytes, and bytearray.");
    }
    st->has_gauss = false;
    return true;
}

/* The new Random object of class cls, seeded by seed_arg (EMPTY: entropy). */
static bool random_object(VM *vm, ObjClass *cls, Value seed_arg, Value *out)
{
    MTState *st = calloc(1, sizeof(MTState));
    if (st == NULL) abort();
    ObjOpaque *o = opaque_new(vm, cls, &random_ops, st);
    vm_push_root(vm, OBJ_VAL(o));
    bool ok = seed_value(vm, st, seed_arg, EMPTY_VAL);
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(o);
    return ok;
}

static const char *const init_names[] = {"self", "x"};

/* Random(x=None): __new__ seeds (for the class itself; a subclass's
 * __init__ decides what its arguments mean). */
static bool random_new(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    if (nargs < 1 || !IS_CLASS(args[0]))
        return vm_raise(vm, vm->c.TypeError, "Random.__new__(X): X is not a type object");
    ObjClass *cls = AS_CLASS(args[0]);
    if (cls->class_flags & CLASS_BUILTIN) {
        Value a[2];
        if (!mod_bind(vm, "Random.__init__", args, nargs, kwnames, init_names, 2, 1, 0, a))
            return false;
        return random_object(vm, cls, a[1], out);
    }
    return random_object(vm, cls, EMPTY_VAL, out);
}

static bool random_init(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    Value a[2];
    if (!self_state(vm, args, nargs, "__init__", &st)) return false;
    if (!mod_bind(vm, "Random.__init__", args, nargs, kwnames, init_names, 2, 1, 0, a)) return false;
    if (!seed_value(vm, st, a[1], EMPTY_VAL)) return false;
    *out = NONE_VAL;
    return true;
}

static bool random_seed(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "a", "version"};
    MTState *st;
    Value a[3];
    if (!self_state(vm, args, nargs, "seed", &st)) return false;
    if (!mod_bind(vm, "Random.seed", args, nargs, kwnames, names, 3, 1, 0, a)) return false;
    if (!seed_value(vm, st, a[1], a[2])) return false;
    *out = NONE_VAL;
    return true;
}

static bool random_random(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    if (!self_state(vm, args, nargs, "random", &st)) return false;
    if (!args_no_kw(vm, "Random.random", kwnames) || !args_none(vm, "Random.random()", nargs - 1))
        return false;
    *out = FLOAT_VAL(mt_random(st));
    return true;
}

/* getrandbits(k) for any k >= 0: words from the least significant up, the
 * last one cut to the bits left. */
static bool getrandbits_value(VM *vm, MTState *st, int64_t k, Value *out)
{
    if (k <= 63) {
        *out = INT_VAL((int64_t)mt_getrandbits64(st, (int)k));
        return true;
    }
    size_t nwords = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = malloc(nwords * sizeof(uint32_t));
    if (w == NULL) abort();
    int64_t left = k;
    for (size_t i = 0; i < nwords; i++, left -= 32) {
        uint32_t r = mt_next(st);
        if (left < 32) r >>= 32 - left;
        w[i] = r;
    }
#if MOD_BIGINT
    mpz_t z;
    mpz_init(z);
    mpz_import(z, nwords, -1, sizeof(uint32_t), 0, 0, w); /* least significant word first */
    free(w);
    bool done = int_from_mpz(vm, z, out);
    mpz_clear(z);
    return done;
#endif
    Value acc = INT_VAL(0);
    vm_push_root(vm, acc);
    size_t slot = vm->root_count - 1;
    bool ok = true;
    for (size_t i = nwords; i-- > 0;) {
        ok = mod_int_binary(vm, BINOP_LSHIFT, acc, INT_VAL(32), &acc);
        if (ok) vm->roots[slot] = acc;
        ok = ok && mod_int_binary(vm, BINOP_OR, acc, INT_VAL(w[i]), &acc);
        if (!ok) break;
        vm->roots[slot] = acc;
    }
    vm_pop_root(vm, 1);
    free(w);
    *out = acc;
    return ok;
}

static bool random_getrandbits(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    if (!self_state(vm, args, nargs, "getrandbits", &st)) return false;
    if (!args_no_kw(vm, "Random.getrandbits", kwnames) ||
        !args_one(vm, "Random.getrandbits()", nargs - 1))
        return false;
    Value kv;
    if (!mod_index(vm, args[1], &kv)) return false;
    if (!IS_INT(kv)) return vm_raise(vm, vm->c.OverflowError, "Python int too large to convert to C int");
    int64_t k = AS_INT(kv);
    if (k < 0) return vm_raise(vm, vm->c.ValueError, "number of bits must be non-negative");
    if (k > INT32_MAX) return vm_raise(vm, vm->c.OverflowError, "Python int too large to convert to C int");
    return getrandbits_value(vm, st, k, out);
}

/* _randbelow(n) for an int n > 0 of any size. */
static bool randbelow(VM *vm, MTState *st, Value n, Value *out)
{
    if (IS_INT(n)) {
        *out = INT_VAL((int64_t)randbelow_u64(st, (uint64_t)AS_INT(n)));
        return true;
    }
    int64_t k;
    if (!mod_int_bit_length(vm, n, &k)) return false;
    vm_push_root(vm, n);
    for (;;) {
        Value r, lt;
        if (!getrandbits_value(vm, st, k, &r)) break;
        vm_push_root(vm, r);
        bool ok = op_compare(vm, CMP_LT, r, n, &lt);
        vm_pop_root(vm, 1);
        if (!ok) break;
        if (IS_BOOL(lt) && AS_BOOL(lt)) {
            vm_pop_root(vm, 1);
            *out = r;
            return true;
        }
    }
    vm_pop_root(vm, 1);
    return false;
}

/* ---- integers in ranges ------------------------------------------------------ */

/* randrange's conversion of an argument: an index, or an integral value of
 * another type ("non-integer arg 1 for randrange()" otherwise). */
static bool range_arg(VM *vm, Value v, const char *what, Value *out)
{
    if (mod_index(vm, v, out)) return true;
    if (!vm_exception_matches(vm, vm->c.TypeError)) return false;
    vm_take_exception(vm);
    Value iv;
    if (!vm_call(vm, OBJ_VAL(vm->c.int_), &v, 1, NULL, &iv)) return false;
    bool eq;
    vm_push_root(vm, iv);
    bool ok = op_eq(vm, iv, v, &eq);
    vm_pop_root(vm, 1);
    if (!ok) return false;
    if (!eq) return vm_raise(vm, vm->c.ValueError, "non-integer %s for randrange()", what);
    *out = iv;
    return true;
}

/* randrange(start, stop=None, step=1) on converted values; step is EMPTY
 * when not given. */
static bool randrange_impl(VM *vm, MTState *st, Value start, Value stop, Value step, Value *out)
{
    /* the intermediate ints live in locals and are rooted by index (vm->roots
     * may move while a call pushes roots) */
    Value istart = INT_VAL(0), istop = INT_VAL(0), width = INT_VAL(0), istep = INT_VAL(1);
    Value n = INT_VAL(0), r = INT_VAL(0);
    size_t base = vm->root_count;
    for (int i = 0; i < 6; i++) vm_push_root(vm, INT_VAL(0));
#define KEEP(i, v) (vm->roots[base + (i)] = (v))
    bool ok = false;
    int sign;
    if (!range_arg(vm, start, "arg 1", &istart)) goto end;
    KEEP(0, istart);
    if (IS_NONE(stop)) {
        if (!IS_EMPTY(step) && !(IS_INT(step) && AS_INT(step) == 1)) {
            vm_raise(vm, vm->c.TypeError, "Missing a non-None stop argument");
            goto end;
        }
        if (!mod_int_sign(vm, istart, &sign)) goto end;
        if (sign > 0) {
            ok = randbelow(vm, st, istart, out);
            goto end;
        }
        vm_raise(vm, vm->c.ValueError, "empty range for randrange()");
        goto end;
    }
    if (!range_arg(vm, stop, "stop", &istop)) goto end;
    KEEP(1, istop);
    if (!mod_int_binary(vm, BINOP_SUB, istop, istart, &width)) goto end;
    KEEP(2, width);
    if (!IS_EMPTY(step) && !range_arg(vm, step, "step", &istep)) goto end;
    KEEP(3, istep);
    if (IS_INT(istep) && AS_INT(istep) == 1) {
        if (!mod_int_sign(vm, width, &sign)) goto end;
        if (sign > 0) {
            ok = randbelow(vm, st, width, &r) && (KEEP(5, r), true) &&
                 mod_int_binary(vm, BINOP_ADD, istart, r, out);
            goto end;
        }
        ObjStr *a, *b, *c;
        if (!op_str(vm, istart, &a)) goto end;
        vm_push_root(vm, OBJ_VAL(a));
        if (!op_str(vm, istop, &b)) goto end;
        vm_push_root(vm, OBJ_VAL(b));
        if (op_str(vm, width, &c))
            vm_raise(vm, vm->c.ValueError, "empty range for randrange() (%s, %s, %s)", a->data,
                     b->data, c->data);
        goto end;
    }
    if (!mod_int_sign(vm, istep, &sign)) goto end;
    if (sign == 0) {
        vm_raise(vm, vm->c.ValueError, "zero step for randrange()");
        goto end;
    }
    /* n = (width + step - 1) // step, or (width + step + 1) // step going down */
    if (!mod_int_binary(vm, BINOP_ADD, width, istep, &n)) goto end;
    KEEP(4, n);
    if (!mod_int_binary(vm, BINOP_SUB, n, INT_VAL(sign), &n)) goto end;
    KEEP(4, n);
    if (!op_binary(vm, BINOP_FLOORDIV, n, istep, false, &n)) goto end;
    KEEP(4, n);
    int nsign;
    if (!mod_int_sign(vm, n, &nsign)) goto end;
    if (nsign <= 0) {
        vm_raise(vm, vm->c.ValueError, "empty range for randrange()");
        goto end;
    }
    ok = randbelow(vm, st, n, &r) && (KEEP(5, r), true) &&
         mod_int_binary(vm, BINOP_MUL, istep, r, &r) && (KEEP(5, r), true) &&
         mod_int_binary(vm, BINOP_ADD, istart, r, out);
end:
#undef KEEP
    vm->root_count = base;
    return ok;
}

static bool random_randrange(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "start", "stop", "step"};
    MTState *st;
    Value a[4];
    if (!self_state(vm, args, nargs, "randrange", &st)) return false;
    if (!mod_bind(vm, "Random.randrange", args, nargs, kwnames, names, 4, 2, 0, a)) return false;
    if (IS_INT(a[1]) && IS_EMPTY(a[2]) && IS_EMPTY(a[3])) {
        if (AS_INT(a[1]) <= 0) return vm_raise(vm, vm->c.ValueError, "empty range for randrange()");
        *out = INT_VAL((int64_t)randbelow_u64(st, (uint64_t)AS_INT(a[1])));
        return true;
    }
    return randrange_impl(vm, st, a[1], IS_EMPTY(a[2]) ? NONE_VAL : a[2], a[3], out);
}

static bool random_randint(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "a", "b"};
    MTState *st;
    Value a[3];
    if (!self_state(vm, args, nargs, "randint", &st)) return false;
    if (!mod_bind(vm, "Random.randint", args, nargs, kwnames, names, 3, 3, 0, a)) return false;
    if (IS_INT(a[1]) && IS_INT(a[2]) && AS_INT(a[2]) < INT64_MAX) {
        int64_t lo = AS_INT(a[1]), hi = AS_INT(a[2]) + 1, width;
        if (!__builtin_sub_overflow(hi, lo, &width) && width > 0) {
            *out = INT_VAL(lo + (int64_t)randbelow_u64(st, (uint64_t)width));
            return true;
        }
    }
    Value stop;
    if (!op_binary(vm, BINOP_ADD, a[2], INT_VAL(1), false, &stop)) return false;
    vm_push_root(vm, stop);
    bool ok = randrange_impl(vm, st, a[1], stop, EMPTY_VAL, out);
    vm_pop_root(vm, 1);
    return ok;
}

/* ---- sequences ---------------------------------------------------------------- */

static bool random_choice(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "seq"};
    MTState *st;
    Value a[2];
    if (!self_state(vm, args, nargs, "choice", &st)) return false;
    if (!mod_bind(vm, "Random.choice", args, nargs, kwnames, names, 2, 2, 0, a)) return false;
    int64_t n;
    if (!op_len(vm, a[1], &n)) return false;
    if (n == 0) return vm_raise(vm, vm->c.IndexError, "Cannot choose from an empty sequence");
    int64_t i = (int64_t)randbelow_u64(st, (uint64_t)n);
    if (IS_LIST(a[1]) && i < AS_LIST(a[1])->len) {
        *out = AS_LIST(a[1])->items[i];
        return true;
    }
    return op_getitem(vm, a[1], INT_VAL(i), out);
}

static bool random_shuffle(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "x"};
    MTState *st;
    Value a[2];
    if (!self_state(vm, args, nargs, "shuffle", &st)) return false;
    if (!mod_bind(vm, "Random.shuffle", args, nargs, kwnames, names, 2, 2, 0, a)) return false;
    Value x = a[1];
    int64_t n;
    if (!op_len(vm, x, &n)) return false;
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = (int64_t)randbelow_u64(st, (uint64_t)i + 1);
        if (IS_LIST(x) && AS_LIST(x)->len == (uint32_t)n) {
            Value *items = AS_LIST(x)->items;
            Value t = items[i];
            items[i] = items[j];
            items[j] = t;
            continue;
        }
        /* x[i], x[j] = x[j], x[i] */
        Value xj, xi;
        if (!op_getitem(vm, x, INT_VAL(j), &xj)) return false;
        vm_push_root(vm, xj);
        bool ok = op_getitem(vm, x, INT_VAL(i), &xi);
        if (ok) {
            vm_push_root(vm, xi);
            ok = op_setitem(vm, x, INT_VAL(i), xj) && op_setitem(vm, x, INT_VAL(j), xi);
            vm_pop_root(vm, 1);
        }
        vm_pop_root(vm, 1);
        if (!ok) return false;
    }
    *out = NONE_VAL;
    return true;
}

/* bisect_right(a, x, 0, hi) over a list with Python's comparisons. */
static bool bisect_right(VM *vm, ObjList *a, Value x, int64_t hi, int64_t *out)
{
    int64_t lo = 0;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        Value item = a->items[mid];
        bool lt;
        if (IS_FLOAT(x) && IS_FLOAT(item)) {
            lt = AS_FLOAT(x) < AS_FLOAT(item);
        } else if (IS_FLOAT(x) && IS_INT(item) && llabs(AS_INT(item)) < (1LL << 53)) {
            lt = AS_FLOAT(x) < (double)AS_INT(item);
        } else if (IS_INT(x) && IS_INT(item)) {
            lt = AS_INT(x) < AS_INT(item);
        } else {
            Value r;
            if (!op_compare(vm, CMP_LT, x, item, &r) || !op_truthy(vm, r, &lt)) return false;
        }
        if (lt) hi = mid;
        else lo = mid + 1;
    }
    *out = lo;
    return true;
}

/* list(itertools.accumulate(iterable)) */
static bool accumulate(VM *vm, Value iterable, ObjList **out)
{
    Value it;
    if (!op_iter(vm, iterable, &it)) return false;
    vm_push_root(vm, it);
    ObjList *list = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(list));
    Value total = EMPTY_VAL;
    bool ok = false;
    for (;;) {
        Value item;
        bool done;
        if (!op_next(vm, it, &item, &done)) goto end;
        if (done) break;
        if (IS_EMPTY(total)) {
            total = item;
        } else {
            vm_push_root(vm, item);
            bool r = op_binary(vm, BINOP_ADD, total, item, false, &total);
            vm_pop_root(vm, 1);
            if (!r) goto end;
        }
        list_append(vm, list, total);
    }
    *out = list;
    ok = true;
end:
    vm_pop_root(vm, 2);
    return ok;
}

/* A hash set of int64 for sample's set strategy. */
typedef struct {
    int64_t *slots; /* -1: empty */
    size_t mask;
} IntSet;

static bool intset_add(IntSet *s, int64_t v)
{
    size_t i = (size_t)((uint64_t)v * 0x9E3779B97F4A7C15ULL >> 20) & s->mask;
    while (s->slots[i] != -1) {
        if (s->slots[i] == v) return false;
        i = (i + 1) & s->mask;
    }
    s->slots[i] = v;
    return true;
}

static bool random_sample(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "population", "k", "counts"};
    MTState *st;
    Value a[4];
    if (!self_state(vm, args, nargs, "sample", &st)) return false;
    if (!mod_bind(vm, "Random.sample", args, nargs, kwnames, names, 3, 3, 1, a)) return false;
    Value pop = a[1], kv = a[2];
    if (!vm_isinstance(vm, pop, vm->c.list) && !vm_isinstance(vm, pop, vm->c.tuple) &&
        !vm_isinstance(vm, pop, vm->c.str) && !vm_isinstance(vm, pop, vm->c.range))
        return vm_raise(vm, vm->c.TypeError,
                        "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n;
    if (!op_len(vm, pop, &n)) return false;
    if (!IS_EMPTY(a[3]) && !IS_NONE(a[3])) {
        /* counts: sample positions in the repeated population, then map back */
        ObjList *cum;
        if (!accumulate(vm, a[3], &cum)) return false;
        vm_push_root(vm, OBJ_VAL(cum));
        bool ok = false;
        if ((int64_t)cum->len != n) {
            vm_raise(vm, vm->c.ValueError, "The number of counts does not match the population");
            goto counts_end;
        }
        if (cum->len == 0) {
            vm_raise(vm, vm->c.IndexError, "pop from empty list");
            goto counts_end;
        }
        Value total = cum->items[--cum->len];
        if (!mod_is_int(total)) {
            vm_raise(vm, vm->c.TypeError, "Counts must be integers");
            goto counts_end;
        }
        int sign;
        if (!mod_int_sign(vm, total, &sign)) goto counts_end;
        if (sign <= 0) {
            vm_raise(vm, vm->c.ValueError, "Total of counts must be greater than zero");
            goto counts_end;
        }
        if (!IS_INT(total)) {
            vm_raise(vm, vm->c.OverflowError, "Python int too large to convert to C ssize_t");
            goto counts_end;
        }
        Value sel;
        {
            ObjRange *r = range_new(vm, 0, AS_INT(total), 1);
            vm_push_root(vm, OBJ_VAL(r));
            Value sargs[3] = {args[0], OBJ_VAL(r), kv};
            bool s_ok = random_sample(vm, sargs, 3, NULL, &sel);
            vm_pop_root(vm, 1);
            if (!s_ok) goto counts_end;
        }
        vm_push_root(vm, sel);
        ObjList *selections = AS_LIST(sel);
        for (uint32_t i = 0; i < selections->len; i++) {
            int64_t pos;
            Value item;
            if (!bisect_right(vm, cum, selections->items[i], cum->len, &pos) ||
                !op_getitem(vm, pop, INT_VAL(pos), &item)) {
                vm_pop_root(vm, 1);
                goto counts_end;
            }
            selections->items[i] = item;
        }
        vm_pop_root(vm, 1);
        *out = sel;
        ok = true;
    counts_end:
        vm_pop_root(vm, 1);
        return ok;
    }
    /* if not 0 <= k <= n: ValueError; then [None] * k needs an int */
    int64_t k;
    if (IS_INT(kv) || IS_BOOL(kv)) {
        k = IS_INT(kv) ? AS_INT(kv) : AS_BOOL(kv);
        if (k < 0 || k > n)
            return vm_raise(vm, vm->c.ValueError, "Sample larger than population or is negative");
    } else {
        Value r;
        bool t;
        if (!op_compare(vm, CMP_LE, INT_VAL(0), kv, &r) || !op_truthy(vm, r, &t)) return false;
        if (t && (!op_compare(vm, CMP_LE, kv, INT_VAL(n), &r) || !op_truthy(vm, r, &t))) return false;
        if (!t) return vm_raise(vm, vm->c.ValueError, "Sample larger than population or is negative");
        Value ki;
        if (mod_is_int(kv) || IS_EMPTY(vm_lookup_special(vm, kv, vm->n.__index__)))
            return vm_raise(vm, vm->c.TypeError, "can't multiply sequence by non-int of type '%s'",
                            mod_type_name(vm, kv));
        if (!mod_index(vm, kv, &ki)) return false;
        k = AS_INT(ki);
    }
    ObjList *result = list_new(vm, NULL, (uint32_t)k);
    for (int64_t i = 0; i < k; i++) result->items[i] = NONE_VAL;
    vm_push_root(vm, OBJ_VAL(result));
    int64_t setsize = 21; /* size of a small set minus size of an empty list */
    if (k > 5) setsize += (int64_t)pow(4.0, ceil(log((double)(k * 3)) / log(4.0)));
    bool ok = false;
    if (n <= setsize) {
        /* pool: pick, then move the last unpicked item into the hole */
        Value pv;
        if (IS_LIST(pop) && AS_OBJ(pop)->cls == vm->c.list) {
            pv = OBJ_VAL(list_new(vm, AS_LIST(pop)->items, AS_LIST(pop)->len));
        } else if (!vm_call(vm, OBJ_VAL(vm->c.list), &pop, 1, NULL, &pv)) {
            goto end;
        }
        vm_push_root(vm, pv);
        ObjList *pool = AS_LIST(pv);
        if ((int64_t)pool->len == n) {
            for (int64_t i = 0; i < k; i++) {
                int64_t j = (int64_t)randbelow_u64(st, (uint64_t)(n - i));
                result->items[i] = pool->items[j];
                pool->items[j] = pool->items[n - i - 1];
            }
            ok = true;
        } else {
            vm_raise(vm, vm->c.RuntimeError, "sample(): the population changed size");
        }
        vm_pop_root(vm, 1);
    } else {
        size_t cap = 16;
        while (cap < (size_t)k * 2) cap *= 2;
        IntSet sel = {malloc(cap * sizeof(int64_t)), cap - 1};
        if (sel.slots == NULL) abort();
        memset(sel.slots, 0xff, cap * sizeof(int64_t));
        ok = true;
        for (int64_t i = 0; i < k; i++) {
            int64_t j;
            do j = (int64_t)randbelow_u64(st, (uint64_t)n);
            while (!intset_add(&sel, j));
            Value item;
            if (!op_getitem(vm, pop, INT_VAL(j), &item)) {
                ok = false;
                break;
            }
            result->items[i] = item;
        }
        free(sel.slots);
    }
    if (ok) *out = OBJ_VAL(result);
end:
    vm_pop_root(vm, 1);
    return ok;
}

static bool random_choices(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "population", "weights", "cum_weights", "k"};
    MTState *st;
    Value a[5];
    if (!self_state(vm, args, nargs, "choices", &st)) return false;
    if (!mod_bind(vm, "Random.choices", args, nargs, kwnames, names, 3, 2, 2, a)) return false;
    Value pop = a[1], weights = IS_EMPTY(a[2]) ? NONE_VAL : a[2];
    Value cumv = IS_EMPTY(a[3]) ? NONE_VAL : a[3], kv = IS_EMPTY(a[4]) ? INT_VAL(1) : a[4];
    int64_t n;
    if (!op_len(vm, pop, &n)) return false;
    ObjList *cum = NULL;
    if (IS_NONE(cumv)) {
        if (IS_NONE(weights)) {
            Value ki;
            if (!mod_index(vm, kv, &ki)) return false;
            if (!IS_INT(ki)) return vm_raise(vm, vm->c.OverflowError, "Python int too large to convert to C ssize_t");
            int64_t k = AS_INT(ki) < 0 ? 0 : AS_INT(ki);
            ObjList *result = list_new(vm, NULL, 0);
            vm_push_root(vm, OBJ_VAL(result));
            double fn = (double)n;
            for (int64_t i = 0; i < k; i++) {
                Value item;
                double idx = floor(mt_random(st) * fn);
                if (IS_LIST(pop) && idx < AS_LIST(pop)->len) {
                    item = AS_LIST(pop)->items[(int64_t)idx];
                } else if (!op_getitem(vm, pop, INT_VAL((int64_t)idx), &item)) {
                    vm_pop_root(vm, 1);
                    return false;
                }
                list_append(vm, result, item);
            }
            vm_pop_root(vm, 1);
            *out = OBJ_VAL(result);
            return true;
        }
        if (!accumulate(vm, weights, &cum)) {
            if (!vm_exception_matches(vm, vm->c.TypeError) || !(mod_is_int(weights) || IS_BOOL(weights)))
                return false;
            vm_take_exception(vm);
            ObjStr *r;
            if (!op_repr(vm, weights, &r)) return false;
            return vm_raise(vm, vm->c.TypeError,
                            "The number of choices must be a keyword argument: k=%s", r->data);
        }
    } else if (!IS_NONE(weights)) {
        return vm_raise(vm, vm->c.TypeError, "Cannot specify both weights and cumulative weights");
    } else {
        Value l;
        if (IS_LIST(cumv)) {
            l = cumv;
        } else if (!vm_call(vm, OBJ_VAL(vm->c.list), &cumv, 1, NULL, &l)) {
            return false;
        }
        cum = AS_LIST(l);
    }
    vm_push_root(vm, OBJ_VAL(cum));
    bool ok = false;
    ObjList *result = NULL;
    if ((int64_t)cum->len != n) {
        vm_raise(vm, vm->c.ValueError, "The number of weights does not match the population");
        goto end;
    }
    if (cum->len == 0) {
        vm_raise(vm, vm->c.IndexError, "list index out of range");
        goto end;
    }
    Value totalv;
    double total;
    if (!op_binary(vm, BINOP_ADD, cum->items[cum->len - 1], FLOAT_VAL(0.0), false, &totalv)) goto end;
    if (!mod_as_double(vm, totalv, &total)) goto end;
    if (total <= 0.0) {
        vm_raise(vm, vm->c.ValueError, "Total of weights must be greater than zero");
        goto end;
    }
    if (!isfinite(total)) {
        vm_raise(vm, vm->c.ValueError, "Total of weights must be finite");
        goto end;
    }
    Value ki;
    if (!mod_index(vm, kv, &ki)) goto end;
    int64_t k = IS_INT(ki) && AS_INT(ki) > 0 ? AS_INT(ki) : 0;
    result = list_new(vm, NULL, 0);
    vm_push_root(vm, OBJ_VAL(result));
    for (int64_t i = 0; i < k; i++) {
        int64_t pos;
        Value item;
        if (!bisect_right(vm, cum, FLOAT_VAL(mt_random(st) * total), n - 1, &pos) ||
            !op_getitem(vm, pop, INT_VAL(pos), &item)) {
            vm_pop_root(vm, 1);
            goto end;
        }
        list_append(vm, result, item);
    }
    vm_pop_root(vm, 1);
    *out = OBJ_VAL(result);
    ok = true;
end:
    vm_pop_root(vm, 1);
    return ok;
}

/* ---- real-valued distributions ------------------------------------------------ */

/* Bind the parameters of a distribution method (names[0] is "self"). */
static bool dist_args(VM *vm, const char *qualname, Value *args, int nargs, ObjTuple *kwnames,
                      const char *const *names, int npos, int nreq, MTState **st, Value *a)
{
    return self_state(vm, args, nargs, qualname + strlen("Random."), st) &&
           mod_bind(vm, qualname, args, nargs, kwnames, names, npos, nreq, 0, a);
}

/* mu + z * sigma with Python's operators. */
static bool shift_scale(VM *vm, Value mu, double z, Value sigma, Value *out)
{
    Value t;
    return op_binary(vm, BINOP_MUL, FLOAT_VAL(z), sigma, false, &t) &&
           op_binary(vm, BINOP_ADD, mu, t, false, out);
}

static bool random_uniform(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "a", "b"};
    MTState *st;
    Value a[3], d;
    if (!dist_args(vm, "Random.uniform", args, nargs, kwnames, names, 3, 3, &st, a)) return false;
    /* a + (b - a) * random() */
    if (!op_binary(vm, BINOP_SUB, a[2], a[1], false, &d)) return false;
    vm_push_root(vm, d);
    bool ok = op_binary(vm, BINOP_MUL, d, FLOAT_VAL(mt_random(st)), false, &d) &&
              op_binary(vm, BINOP_ADD, a[1], d, false, out);
    vm_pop_root(vm, 1);
    return ok;
}

static bool random_triangular(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "low", "high", "mode"};
    MTState *st;
    Value a[4];
    if (!dist_args(vm, "Random.triangular", args, nargs, kwnames, names, 4, 1, &st, a)) return false;
    Value lowv = IS_EMPTY(a[1]) ? FLOAT_VAL(0.0) : a[1];
    double low, high = 1.0, mode = 0.0;
    if (!mod_as_double(vm, lowv, &low)) return false;
    if (!IS_EMPTY(a[2]) && !mod_as_double(vm, a[2], &high)) return false;
    bool has_mode = !IS_EMPTY(a[3]) && !IS_NONE(a[3]);
    if (has_mode && !mod_as_double(vm, a[3], &mode)) return false;
    double u = mt_random(st), c = 0.5;
    if (has_mode) {
        if (high - low == 0.0) {
            *out = lowv; /* ZeroDivisionError in (mode - low) / (high - low) */
            return true;
        }
        c = (mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        double t = low;
        low = high;
        high = t;
    }
    if (u * c < 0.0) return vm_raise(vm, vm->c.ValueError, "math domain error");
    *out = FLOAT_VAL(low + (high - low) * sqrt(u * c));
    return true;
}

static double normal_deviate(MTState *st)
{
    const double nv_magic = 4 * exp(-0.5) / sqrt(2.0);
    for (;;) {
        double u1 = mt_random(st);
        double u2 = 1.0 - mt_random(st);
        double z = nv_magic * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -log(u2)) return z;
    }
}

static const char *const mu_sigma[] = {"self", "mu", "sigma"};

static bool random_normalvariate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    Value a[3];
    if (!dist_args(vm, "Random.normalvariate", args, nargs, kwnames, mu_sigma, 3, 1, &st, a))
        return false;
    double z = normal_deviate(st);
    return shift_scale(vm, IS_EMPTY(a[1]) ? FLOAT_VAL(0.0) : a[1], z,
                       IS_EMPTY(a[2]) ? FLOAT_VAL(1.0) : a[2], out);
}

static bool random_gauss(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    Value a[3];
    if (!dist_args(vm, "Random.gauss", args, nargs, kwnames, mu_sigma, 3, 1, &st, a)) return false;
    double z;
    if (st->has_gauss) {
        z = st->gauss_next;
        st->has_gauss = false;
    } else {
        double x2pi = mt_random(st) * (2.0 * M_PI);
        double g2rad = sqrt(-2.0 * log(1.0 - mt_random(st)));
        z = cos(x2pi) * g2rad;
        st->gauss_next = sin(x2pi) * g2rad;
        st->has_gauss = true;
    }
    return shift_scale(vm, IS_EMPTY(a[1]) ? FLOAT_VAL(0.0) : a[1], z,
                       IS_EMPTY(a[2]) ? FLOAT_VAL(1.0) : a[2], out);
}

static bool random_lognormvariate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    Value a[3], v;
    if (!dist_args(vm, "Random.lognormvariate", args, nargs, kwnames, mu_sigma, 3, 3, &st, a))
        return false;
    if (!shift_scale(vm, a[1], normal_deviate(st), a[2], &v)) return false;
    double x;
    if (!mod_as_double(vm, v, &x)) return false;
    double r = exp(x);
    if (isinf(r) && isfinite(x)) return vm_raise(vm, vm->c.OverflowError, "math range error");
    *out = FLOAT_VAL(r);
    return true;
}

static bool random_expovariate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "lambd"};
    MTState *st;
    Value a[2];
    if (!dist_args(vm, "Random.expovariate", args, nargs, kwnames, names, 2, 2, &st, a)) return false;
    return op_binary(vm, BINOP_TRUEDIV, FLOAT_VAL(-log(1.0 - mt_random(st))), a[1], false, out);
}

static bool random_vonmisesvariate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "mu", "kappa"};
    MTState *st;
    Value a[3];
    double mu, kappa;
    if (!dist_args(vm, "Random.vonmisesvariate", args, nargs, kwnames, names, 3, 3, &st, a) ||
        !mod_as_double(vm, a[1], &mu) || !mod_as_double(vm, a[2], &kappa))
        return false;
    const double twopi = 2.0 * M_PI;
    if (kappa <= 1e-6) {
        *out = FLOAT_VAL(twopi * mt_random(st));
        return true;
    }
    double s = 0.5 / kappa;
    double r = s + sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = mt_random(st);
        z = cos(M_PI * u1);
        double d = z / (r + z);
        double u2 = mt_random(st);
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)) break;
    }
    double q = 1.0 / r;
    double f = (q + z) / (1.0 + q * z);
    double u3 = mt_random(st), quot, theta;
    if (u3 > 0.5) float_divmod(mu + acos(f), twopi, &quot, &theta);
    else float_divmod(mu - acos(f), twopi, &quot, &theta);
    *out = FLOAT_VAL(theta);
    return true;
}

/* gammavariate(alpha, beta) with doubles; false with ValueError raised for
 * non-positive parameters. */
static bool gamma_deviate(VM *vm, MTState *st, double alpha, double beta, double *out)
{
    if (alpha <= 0.0 || beta <= 0.0)
        return vm_raise(vm, vm->c.ValueError, "gammavariate: alpha and beta must be > 0.0");
    if (alpha > 1.0) {
        /* Cheng's rejection algorithm */
        const double log4 = log(4.0), sg_magic = 1.0 + log(4.5);
        double ainv = sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - log4;
        double ccc = alpha + ainv;
        for (;;) {
            double u1 = mt_random(st);
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            double u2 = 1.0 - mt_random(st);
            double v = log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * exp(v);
            double z = u1 * u1 * u2;
            double r = bbb + ccc * v - x;
            if (r + sg_magic - 4.5 * z >= 0.0 || r >= log(z)) {
                *out = x * beta;
                return true;
            }
        }
    }
    if (alpha == 1.0) {
        *out = -log(1.0 - mt_random(st)) * beta;
        return true;
    }
    /* alpha < 1: Ahrens and Dieter's algorithm GS */
    double x;
    for (;;) {
        double u = mt_random(st);
        double b = (M_E + alpha) / M_E;
        double p = b * u;
        x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha);
        double u1 = mt_random(st);
        if (p > 1.0) {
            if (u1 <= pow(x, alpha - 1.0)) break;
        } else if (u1 <= exp(-x)) {
            break;
        }
    }
    *out = x * beta;
    return true;
}

static const char *const alpha_beta[] = {"self", "alpha", "beta"};

static bool random_gammavariate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    Value a[3];
    double alpha, beta, r;
    if (!dist_args(vm, "Random.gammavariate", args, nargs, kwnames, alpha_beta, 3, 3, &st, a) ||
        !mod_as_double(vm, a[1], &alpha) || !mod_as_double(vm, a[2], &beta) ||
        !gamma_deviate(vm, st, alpha, beta, &r))
        return false;
    *out = FLOAT_VAL(r);
    return true;
}

static bool random_betavariate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    Value a[3];
    double alpha, beta, y, y2;
    if (!dist_args(vm, "Random.betavariate", args, nargs, kwnames, alpha_beta, 3, 3, &st, a) ||
        !mod_as_double(vm, a[1], &alpha) || !mod_as_double(vm, a[2], &beta) ||
        !gamma_deviate(vm, st, alpha, 1.0, &y))
        return false;
    if (y == 0.0) {
        *out = FLOAT_VAL(0.0);
        return true;
    }
    if (!gamma_deviate(vm, st, beta, 1.0, &y2)) return false;
    *out = FLOAT_VAL(y / (y + y2));
    return true;
}

static bool random_paretovariate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "alpha"};
    MTState *st;
    Value a[2], e;
    if (!dist_args(vm, "Random.paretovariate", args, nargs, kwnames, names, 2, 2, &st, a)) return false;
    double u = 1.0 - mt_random(st);
    if (!op_binary(vm, BINOP_TRUEDIV, FLOAT_VAL(-1.0), a[1], false, &e)) return false;
    return op_binary(vm, BINOP_POW, FLOAT_VAL(u), e, false, out);
}

static bool random_weibullvariate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    MTState *st;
    Value a[3], e, p;
    if (!dist_args(vm, "Random.weibullvariate", args, nargs, kwnames, alpha_beta, 3, 3, &st, a))
        return false;
    double u = 1.0 - mt_random(st);
    return op_binary(vm, BINOP_TRUEDIV, FLOAT_VAL(1.0), a[2], false, &e) &&
           op_binary(vm, BINOP_POW, FLOAT_VAL(-log(u)), e, false, &p) &&
           op_binary(vm, BINOP_MUL, a[1], p, false, out);
}

/* ---- state -------------------------------------------------------------------- */

static bool random_getstate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self"};
    MTState *st;
    Value a[1];
    if (!dist_args(vm, "Random.getstate", args, nargs, kwnames, names, 1, 1, &st, a)) return false;
    ObjTuple *words = tuple_new(vm, NULL, MT_N + 1);
    for (int i = 0; i < MT_N; i++) words->items[i] = INT_VAL(st->mt[i]);
    words->items[MT_N] = INT_VAL(st->index);
    vm_push_root(vm, OBJ_VAL(words));
    Value items[3] = {INT_VAL(3), OBJ_VAL(words), st->has_gauss ? FLOAT_VAL(st->gauss_next) : NONE_VAL};
    *out = OBJ_VAL(tuple_new(vm, items, 3));
    vm_pop_root(vm, 1);
    return true;
}

static bool random_setstate(VM *vm, Value *args, int nargs, ObjTuple *kwnames, Value *out)
{
    static const char *const names[] = {"self", "state"};
    MTState *st;
    Value a[2], version;
    if (!dist_args(vm, "Random.setstate", args, nargs, kwnames, names, 2, 2, &st, a)) return false;
    if (!op_getitem(vm, a[1], INT_VAL(0), &version)) return false;
    bool v3 = is_int_value(vm, version, 3), v2 = is_int_value(vm, version, 2);
    if (!v3 && !v2) {
        ObjStr *s;
        if (!op_str(vm, version, &s)) return false;
        return vm_raise(vm, vm->c.ValueError,
                        "state with version %s passed to Random.setstate() of version 3", s->data);
    }
    if (!IS_TUPLE(a[1]) || AS_TUPLE(a[1])->len != 3)
        return vm_raise(vm, vm->c.ValueError, "Random.setstate() needs a 3-tuple state");
    ObjTuple *state = AS_TUPLE(a[1]);
    Value inner = state->items[1], gauss = state->items[2];
    if (!IS_TUPLE(inner)) return vm_raise(vm, vm->c.TypeError, "state vector must be a tuple");
    ObjTuple *w = AS_TUPLE(inner);
    if (w->len != MT_N + 1) return vm_raise(vm, vm->c.ValueError, "state vector is the wrong size");
    MTState next = *st;
    for (int i = 0; i <= MT_N; i++) {
        Value x = w->items[i];
        if (!IS_INT(x)) return vm_raise(vm, vm->c.TypeError, "state vector items must be ints");
        int64_t v = AS_INT(x);
        if (v2 && i < MT_N) v &= 0xffffffff;
        if (i < MT_N) {
            if (v < 0 || v > 0xffffffffLL)
                return vm_raise(vm, vm->c.OverflowError, "state vector items must be 32-bit words");
            next.mt[i] = (uint32_t)v;
        } else {
            if (v < 0 || v > MT_N) return vm_raise(vm, vm->c.ValueError, "invalid state");
            next.index = (int)v;
        }
    }
    if (IS_NONE(gauss)) {
        next.has_gauss = false;
    } else {
        if (!mod_as_double(vm, gauss, &next.gauss_next)) return false;
        next.has_gauss = true;
    }
    *st = next;
    *out = NONE_VAL;
    return true;
}

/* ---- the module ------------------------------------------------------------------ */

void random_module_init(VM *vm, ObjModule *m)
{
    static const ModuleFunc methods[] = {
        {"seed", random_seed},
        {"random", random_random},
        {"uniform", random_uniform},
        {"triangular", random_triangular},
        {"randint", random_randint},
        {"choice", random_choice},
        {"randrange", random_randrange},
        {"sample", random_sample},
        {"shuffle", random_shuffle},
        {"choices", random_choices},
        {"normalvariate", random_normalvariate},
        {"lognormvariate", random_lognormvariate},
        {"expovariate", random_expovariate},
        {"vonmisesvariate", random_vonmisesvariate},
        {"gammavariate", random_gammavariate},
        {"gauss", random_gauss},
        {"betavariate", random_betavariate},
        {"paretovariate", random_paretovariate},
        {"weibullvariate", random_weibullvariate},
        {"getstate", random_getstate},
        {"setstate", random_setstate},
        {"getrandbits", random_getrandbits},
    };
    ObjClass *cls = class_new(vm, str_intern_cstr(vm, "Random"), vm->c.object, OBJ_OPAQUE);
    vm_push_root(vm, OBJ_VAL(cls));
    cls->module = m->name;
    cls->class_flags = CLASS_BUILTIN;
    module_add_value(vm, m, "Random", OBJ_VAL(cls));
    vm_pop_root(vm, 1);
    vm_define_native(vm, cls->dict, "__new__", random_new, cls);
    vm_define_native(vm, cls->dict, "__init__", random_init, cls);
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        vm_define_native(vm, cls->dict, methods[i].name, methods[i].fn, cls);
    vm_classes_changed(vm);

    /* the hidden default instance, and its bound methods as the module's functions */
    Value inst;
    random_object(vm, cls, EMPTY_VAL, &inst);
    vm_push_root(vm, inst);
    module_add_value(vm, m, "_inst", inst);
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        Value meth = dict_get_str(cls->dict, str_intern_cstr(vm, methods[i].name));
        ObjBoundMethod *b = bound_method_new(vm, inst, meth);
        module_add_value(vm, m, methods[i].name, OBJ_VAL(b));
    }
    vm_pop_root(vm, 1);
}
