# The masking tests/run-notebook applies to expected and actual output alike
# (and tools/regen-notebook to what it stores), run as `LC_ALL=C sed -E -f`:
# addresses; the numbers of a CPU times line (real CPU time, even under the
# virtual clock); the two durations of a %timeit result (real time), and
# IPython's warning about a run much slower than the fastest.
s/0x[0-9a-fA-F]+/0x…/g
s/^CPU times: user [^,]+, sys: [^,]+, total: .+$/CPU times: user …, sys: …, total: …/
s/^.+ ± .+ per loop \(mean ± std\. dev\. of/… ± … per loop (mean ± std. dev. of/
/^The slowest run took [0-9.]+ times longer than the fastest\./d
