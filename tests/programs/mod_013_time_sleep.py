# time: clocks move forward and sleep blocks at least as long as asked.
import time
from time import sleep, perf_counter

t0 = perf_counter()
sleep(0.01)
print(perf_counter() - t0 >= 0.01)
t0 = time.monotonic()
time.sleep(0.02)
d = time.monotonic() - t0
print(0.02 <= d < 1.0)
t0 = time.monotonic_ns()
time.sleep(0.001)
print(time.monotonic_ns() - t0 >= 1_000_000)
print(abs(time.time() - time.time_ns() / 1e9) < 1)
print(time.perf_counter_ns() > 0, time.time() > 1.6e9)
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter()).__name__)
print(time.sleep(0), time.sleep(True is False))
print(time.time, time.sleep, time)
print(time.strftime('%Y') >= '2024', time.strftime(''), len(time.strftime('%H:%M:%S')))


def timed(n):
    start = time.perf_counter()
    for _ in range(n):
        time.sleep(0.002)
    return time.perf_counter() - start


print(timed(3) >= 0.006)
