# round() uses round-half-to-even, and works on the exact binary value.
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.4), round(2.6), round(-2.6), round(7), round(-7))
print(type(round(2.5)), type(round(2.5, 0)), type(round(7, 1)))
print(round(2.675, 2), round(1.25, 1), round(1.35, 1), round(0.125, 2))
print(round(3.14159, 3), round(3.14159, 0), round(-3.14159, 2))
print(round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(0.1 + 0.2, 10), round(1e16, 2), round(5e-324, 3))
print(round(123.456, 1), round(123.456, 5), round(99.995, 2))
print(round(2.5, None), round(0.0), round(-0.0, 1))
for i in range(8):
    print(i + 0.5, round(i + 0.5), round((i + 0.5) / 10, 1))
