# time errors: sleep's argument checks and the no-argument clocks.
import time


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


t(time.sleep, 'a'); t(time.sleep, -1); t(time.sleep, -0.5); t(time.sleep, float('nan')); t(time.sleep, 1e300)
t(time.sleep); t(time.sleep, x=1); t(time.sleep, None); t(time.sleep, -1e-10); t(time.sleep, 10 ** 12)
t(time.time, 1); t(time.perf_counter, 1); t(time.monotonic, x=1); t(time.time_ns, 1)
t(time.strftime); t(time.strftime, 1)
