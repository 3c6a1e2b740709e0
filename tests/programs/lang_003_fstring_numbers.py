# numeric format types d f e g % x b o and sign / grouping
n = 1234567
f = 1234.5678
small = 0.000123456
print(f"{n:d} {n:,} {n:_} {n:,d} {n:>12,}")
print(f"{-n:,} {n:+,} {n: d} {-n: d}")
print(f"{f:f} {f:.2f} {f:,.2f} {f:_.3f} {f:.0f}")
print(f"{f:e} {f:.2e} {f:E} {small:e} {small:.3e}")
print(f"{f:g} {small:g} {n:g} {1e20:g} {1.5e-7:g} {100000.0:g} {1000000.0:g}")
print(f"{f:.3g} {f:.10g} {0.5:g} {0.0:g} {-0.0:g}")
print(f"{0.25:%} {0.25:.1%} {1.5:.0%} {-0.125:.2%}")
print(f"{255:x} {255:X} {255:#x} {255:#X} {255:08x} {255:#010x}")
print(f"{5:b} {5:#b} {5:08b} {-5:b} {1023:_b} {0xffff:_x}")
print(f"{8:o} {8:#o} {64:o} {-8:#o}")
print(f"{n:e} {42:f} {42:.1e} {42:%}")
print(f"{3.14159:+.2f} {3.14159: .2f} {-3.14159:+.2f}")
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f}")
print(f"{1e16:f} {1.0:.15f}")
print(f"{float('inf'):f} {float('-inf'):e} {float('nan'):g} {float('inf'):>8}")
print(f"{12345.6789:>15,.2f}|{12345.6789:<15.1e}|{0.1:^10.3%}|")
print(f"{True:d} {False:5d} {7:c}" if False else f"{True:d} {False:5d}")
print(f"{1_000_000:,.1f} {12:06.2f} {-12:06.2f}")
for v in [0, 1, -1, 10, 123456789]:
    print(f"{v:>+12,}|{v:^#12x}|{v:<#14b}|")
