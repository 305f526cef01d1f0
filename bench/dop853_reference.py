#!/usr/bin/python3
"""Reference runs of Hairer's Fortran DOP853 (through scipy.integrate.ode) on the one-neuron
gradient-flow benchmark problems of ProofWorkbench.Numerics.Benchmarks.BenchmarkProblems.

Model f(theta; x) = a * sigma(w . x), theta = (w, a), loss (f - y)^2, gradient flow
  w' = -2 r a sigma'(w . x) x,   a' = -2 r sigma(w . x),   r = a sigma(w . x) - y.

Prints one JSON object per line:
  {"problem", "tol", "rtol", "atol", "rhs_evals", "nfcn", "nstep", "naccpt", "nrejct", "wall_ms",
   "t_end", "return_code", "y_end"}
rhs_evals counts the calls of the Python right-hand side; nfcn, nstep, naccpt, nrejct are Hairer's own
counters (IWORK(17..20) of dop853.f: NFCN = 2 + 12 per accepted + 11 per rejected step, IOUT = 0, no
dense output). Through scipy the callback is entered once more per step attempt than NFCN says
(rhs_evals = nfcn + nstep), an artifact of scipy's wrapper, not of the method; compare with nfcn.
Run with /usr/bin/python3 (Debian's python3-scipy).
Usage: bench/dop853_reference.py [--tols 1e-6,1e-7,...] [--repeat N]
"""
import argparse
import json
import math
import time

import numpy as np
from scipy.integrate import ode


def sigmoid(u):
    if u >= 0:
        return 1.0 / (1.0 + math.exp(-u))
    e = math.exp(u)
    return e / (1.0 + e)


def softplus(u):
    # log(1 + e^u), written to avoid overflow
    return max(u, 0.0) + math.log1p(math.exp(-abs(u)))


ACTIVATIONS = {
    # name: (sigma, sigma')
    "sigmoid": (sigmoid, lambda u: sigmoid(u) * (1.0 - sigmoid(u))),
    "softplus": (softplus, sigmoid),
    "exp": (math.exp, math.exp),
}


def problem(name, act, w0, a0, x, y, t_end):
    return {"name": name, "act": act, "theta0": list(w0) + [a0], "x": list(x), "y": y, "t_end": t_end}


PROBLEMS = [
    problem("sigmoid_x1", "sigmoid", [0.922], 2.868, [1.0], 1.0, 50.0),
    problem("sigmoid_x12.307", "sigmoid", [0.922], 2.868, [12.307], 1.400, 50.0),
    problem("softplus_x0.6", "softplus", [0.3], 1.0, [0.6], -softplus(0.3 * 0.6), 50.0),
    problem("softplus_x1.4", "softplus", [0.3], 1.0, [1.4], -softplus(0.3 * 1.4), 50.0),
    problem("softplus_x1.8", "softplus", [0.3], 1.0, [1.8], -softplus(0.3 * 1.8), 50.0),
    problem("exp_d3", "exp", [0.1, -0.2, 0.3], 0.5, [0.3, 0.2, -0.1], 1.2, 50.0),
    problem("stiff_sigmoid_x25", "sigmoid", [0.05], 0.5, [25.0], 0.9, 20.0),
]


def make_rhs(p, counter):
    sigma, dsigma = ACTIVATIONS[p["act"]]
    x = p["x"]
    d = len(x)
    yl = p["y"]

    def rhs(t, theta):
        counter[0] += 1
        a = theta[d]
        u = 0.0
        for i in range(d):
            u += theta[i] * x[i]
        s = sigma(u)
        r = a * s - yl
        out = np.empty(d + 1)
        g = -2.0 * r * a * dsigma(u)
        for i in range(d):
            out[i] = g * x[i]
        out[d] = -2.0 * r * s
        return out

    return rhs


def run(p, tol, repeat):
    best = None
    for _ in range(repeat):
        counter = [0]
        solver = ode(make_rhs(p, counter)).set_integrator("dop853", rtol=tol, atol=tol, nsteps=10**8)
        solver.set_initial_value(p["theta0"], 0.0)
        start = time.perf_counter()
        y_end = solver.integrate(p["t_end"])
        wall = (time.perf_counter() - start) * 1000.0
        rec = {
            "problem": p["name"], "tol": tol, "rtol": tol, "atol": tol, "rhs_evals": counter[0],
            "nfcn": int(solver._integrator.iwork[16]), "nstep": int(solver._integrator.iwork[17]),
            "naccpt": int(solver._integrator.iwork[18]), "nrejct": int(solver._integrator.iwork[19]),
            "wall_ms": wall, "t_end": solver.t, "return_code": solver.get_return_code(),
            "y_end": [float(v) for v in y_end],
        }
        if best is None or rec["wall_ms"] < best["wall_ms"]:
            best = rec
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tols", default="1e-6,1e-7,1e-8,1e-9,1e-10,1e-11,1e-12,1e-13")
    ap.add_argument("--repeat", type=int, default=3, help="runs per case; the fastest wall time is reported")
    args = ap.parse_args()
    tols = [float(s) for s in args.tols.split(",")]
    for p in PROBLEMS:
        for tol in tols:
            print(json.dumps(run(p, tol, args.repeat)), flush=True)


if __name__ == "__main__":
    main()
