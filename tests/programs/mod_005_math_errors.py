# math errors: CPython's messages for bad values, bad types and bad argument counts.
import math


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


t(math.sqrt, -1); t(math.sqrt, 'a'); t(math.sqrt); t(math.sqrt, 1, 2); t(math.sqrt, x=1)
t(math.floor, 'a'); t(math.floor, float('inf')); t(math.floor, float('nan')); t(math.ceil, -math.inf)
t(math.trunc, 'a'); t(math.trunc, math.nan)
t(math.log, 0); t(math.log, -1); t(math.log, 8, 1); t(math.log, 8, 0); t(math.log, 'a')
t(math.log); t(math.log, 1, 2, 3); t(math.log, x=1); t(math.log10, 0.0); t(math.log2, -1)
t(math.factorial, -1); t(math.factorial, 2.0); t(math.factorial, 'a'); t(math.factorial)
t(math.gcd, 2.0, 3); t(math.gcd, x=1)
t(math.comb, 5, -1); t(math.comb, -5, 2); t(math.comb, 5.0, 2); t(math.comb, 1)
t(math.perm, 5, -1); t(math.perm)
t(math.pow, 0, -1); t(math.pow, -1, 0.5); t(math.pow, 10, 400); t(math.pow, 1)
t(math.exp, 1000); t(math.exp, -1000); t(math.atan2, 1); t(math.copysign, 1, 2, 3)
t(math.tan, math.inf); t(math.sin, math.inf); t(math.acos, 2); t(math.asin, -2)
t(math.cosh, 1000); t(math.sinh, 1000); t(math.atanh, 1); t(math.acosh, 0); t(math.expm1, 1000); t(math.log1p, -1)
t(math.hypot, 'a'); t(math.hypot, x=1); t(math.fsum); t(math.fsum, 5); t(math.fsum, ['a'])
t(math.prod); t(math.prod, [1], 2); t(math.prod, 5); t(math.prod, ['a', 'b'])
t(math.fsum, [1e308, 1e308]); t(math.fsum, [math.inf, -math.inf])
t(math.ldexp, 1, 2000); t(math.fmod, 1, 0); t(math.isqrt, -1)
t(math.isclose, 1); t(math.isclose, 1, 2, 3); t(math.isclose, 1, 2, foo=1); t(math.isclose, 1, 1.1, rel_tol=-1)
t(math.isclose, 1, 'x'); t(math.isclose, 1, 1, abs_tol=-1)
