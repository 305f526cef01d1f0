#!/usr/bin/python3
"""Independent cross-check of the validated one-sample limits (paper 000, Lemma A.3) with mpmath at 40 digits.

For each problem it solves G(u) = (y/σ(u))²/2 − ∫_{u0}^{u} σ/σ′ / |x|² − a0²/2 = 0 (u = xᵀw) with mpmath.findroot and
mpmath.quad, and prints u*, w* = w0 + (u* − u0)/|x|²·x and a* = y/σ(u*). Compare with `pwb`'s enclosures
(tests/ProofWorkbench.Tests/Papers/Zhang2023/LemmaA3RouteTests.cs holds these digits).
"""
import mpmath as mp

mp.mp.dps = 40
sigmoid = lambda u: 1 / (1 + mp.e ** (-u))
softplus = lambda u: mp.log(1 + mp.e ** u)
R = mp.mpf


def limit(name, sigma, x, y, w0, a0):
    dsigma = lambda u: mp.diff(sigma, u)
    ratio = lambda t: sigma(t) / dsigma(t)
    n = sum(xi * xi for xi in x)
    u0 = sum(xi * wi for xi, wi in zip(x, w0))
    G = lambda u: (y / sigma(u)) ** 2 / 2 - mp.quad(ratio, [u0, u]) / n - a0 ** 2 / 2
    u = mp.findroot(G, u0)
    w = [wi + (u - u0) / n * xi for xi, wi in zip(x, w0)]
    a = y / sigma(u)
    print(f"{name}: u* = {mp.nstr(u, 25)}  w* = {[mp.nstr(t, 25) for t in w]}  a* = {mp.nstr(a, 25)}")


limit("fig1 S1", sigmoid, [R(1)], R(1), [R("0.922")], R("2.868"))
limit("fig1 S2", sigmoid, [R("12.307")], R("1.4"), [R("0.922")], R("2.868"))
for x in ["0.6", "1.4", "1.8"]:
    limit(f"fig2 x={x}", softplus, [R(x)], -softplus(R(x) * R("0.3")), [R("0.3")], R(1))
limit("lemma6.2 softplus d=2", softplus, [R(1), R(2)], -softplus(R("-0.1")), [R("0.3"), R("-0.2")], R(1))
