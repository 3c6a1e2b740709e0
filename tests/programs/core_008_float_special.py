# inf, nan and negative zero.
inf = float('inf')
ninf = float('-inf')
nan = float('nan')
print(inf, ninf, nan, -inf)
print(inf > 1e308, ninf < -1e308, inf == inf, inf + 1 == inf)
print(inf - inf, inf * 0, nan == nan, nan != nan, nan < 1, nan > 1)
print(inf + ninf, inf * -1, 1 / inf, -1 / inf)
print(float('Infinity'), float('-INF'), float('NaN'), float('  inf  '))
print(-0.0, 0.0 == -0.0, -0.0 + 0.0, 0.0 * -1, abs(-0.0))
print(repr(-0.0), str(-0.0), [-0.0])
print(float('1e500'), float('-1e500'), float('1e-500'))
print(max(1.0, inf), min(ninf, -5))
print(type(inf), type(nan))
x = inf
print(x if x == x else "not equal")
y = nan
print(y if y == y else "nan is not equal to itself")
