# format specs: edge cases of the mini-language
vals = [0, 7, -7, 1234567, 0.5, -0.5, 1e-5, 123.456, 1e21, float("inf"), float("nan")]
for v in vals:
    print(repr(v), f"{v:10}|{v:<10}|{v:^+10}|{v:>010}|")
for v in [0.0, 1.0, 0.1, 123.456, 1e-5, 1e21, -2.5e-8]:
    print(f"{v:e}|{v:.0e}|{v:g}|{v:.2g}|{v:G}|{v:%}|{v:.1f}|{v:n}" if False else f"{v:e}|{v:.0e}|{v:g}|{v:.2g}|{v:G}|{v:.1%}|{v:.1f}")
for v in [0, 1, 255, -255, 65535]:
    print(f"{v:#x}|{v:#o}|{v:#b}|{v:X}|{v:>#8x}|{v:<#8o}|{v:^#12b}|{v:+#x}")
print(f"{12345678:,}", f"{-12345678:_}", f"{1234.5:,.2f}", f"{0.000001:,.8f}", f"{123456789.0:,.1e}")
print(f"{'abc':.1}", f"{'abc':>5.2}", f"{'abc':*^9.1}", f"{3.14159:.3}", f"{100.0:.3}", f"{1e10:.3}")
print(f"{42:c}" if False else f"{42:d}", f"{True:>5}", f"{True!r:>6}", f"{None!r:^8}")
print(format(1.0), format(1e-7), format(1.5, ""), format(10, ""), format("s", ""), format(1.23456789e-7, ".3"))
print(f"{3:=+5}", f"{-3:=5}", f"{3.5:=+8.2f}", f"{-0.0:.1f}", f"{-0.0:g}", f"{-0.001:.1f}")
print(f"{5:0=5}", f"{-5:0=5}", f"{5:05}", f"{-5.5:08.2f}", f"{5:x>+5}")
for bad in ["{:d}".format, "{:,s}".format, "{:.2d}".format]:
    try:
        print(bad(1.5 if bad is not None else 0))
    except ValueError as e:
        print("ValueError:", e)
try:
    f"{'s':d}"
except ValueError as e:
    print("ValueError:", e)
try:
    format(3, "z")
except ValueError as e:
    print("ValueError:", e)
