# Integer literal forms.
print(0, 00, 42, 1_000_000)
print(0x1F, 0XfF, 0o17, 0O777, 0b1010, 0B1111_0000)
print(0x_dead_beef, 0b_1, 0o_7)
print(1_2_3, 4611686018427387904 - 1)
print(.5, 1., 1.5e3, 1E-3, 1_000.5, 1e1_0)
print(0.000_001, 3.14_15)
print(True, False, None)
print(-0x10, -0o10, -0b10)
big = 0x3FFF_FFFF_FFFF_FFFF
print(big, big == 2 ** 62 - 1, 0b1 << 61)
print(type(0x10), type(1e3), type(1_0))
