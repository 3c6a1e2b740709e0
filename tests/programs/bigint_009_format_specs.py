n = 2 ** 100
m = -(3 ** 50)
for spec in ["", "d", ",", "_", ">50", "<50|", "^50", "=+50", "050", "+", " ", "x", "X", "#x",
             "#X", "o", "#o", "b", "#_b", "_x", "e", ".3e", "f", ".2f", "g", "%", ".1%", "n",
             "*^60,", "0=40,"]:
    print(repr(spec), format(n, spec.rstrip("|")), format(m, spec.rstrip("|")))
print(f"{n:,} {m:_} {n:>45} {m:<45}|")
print(f"{n:#x} {m:#b}")
print("{:,}".format(-(2 ** 70)), "{:x}".format(2 ** 70), "{:=+40,}".format(-(2 ** 70)))
print("%d %i %u" % (n, m, n))
print("%40d|%-40d|" % (n, m))
print("%040d|%+.35d" % (m, n))
print("%x %X %o %#x %#o" % (n, n, n, n, n))
print("%.30x" % 2 ** 70)
print("%s %r" % (n, m))
print("%d" % 1e30, "%d" % -2.5e25)
print("%.2f %e" % (n, m))
for bad in [lambda: format(n, "c"), lambda: format(n, ".3"), lambda: "%c" % n,
            lambda: format(10 ** 400, "e"), lambda: format(n, "z")]:
    try:
        print(bad())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
