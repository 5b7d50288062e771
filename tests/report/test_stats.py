"""Bootstrap intervals, permutation tests and BH q-values against independent computations."""
import os
import subprocess
import sys

import numpy as np
import pytest

from mediacheck.report.stats import bh_qvalues, bootstrap_ratio_ci, permutation_test_ratios, ratio, stable_seed


def test_ratio_pools_sums_not_means():
    # two articles: 1 hedge in 1,000 words and 9 in 1,000 -> 5 per 1,000, while 0 words gives NaN
    assert ratio(np.array([1.0, 9.0]), np.array([1.0, 1.0])) == 5.0
    assert np.isnan(ratio(np.array([0.0]), np.array([0.0])))


def test_bootstrap_interval_covers_the_estimate_and_narrows_with_more_articles():
    rng = np.random.default_rng(1)
    small_num, small_den = rng.poisson(5, 20).astype(float), np.full(20, 1.0)
    big_num, big_den = rng.poisson(5, 2000).astype(float), np.full(2000, 1.0)
    lo_s, hi_s = bootstrap_ratio_ci(small_num, small_den, seed=3)
    lo_b, hi_b = bootstrap_ratio_ci(big_num, big_den, seed=3)
    assert lo_s <= ratio(small_num, small_den) <= hi_s
    assert lo_b <= ratio(big_num, big_den) <= hi_b
    assert (hi_b - lo_b) < (hi_s - lo_s) / 5          # ~ 1/sqrt(n): 10x more precise with 100x articles
    # the normal approximation for a Poisson mean: half-width ~ 1.96 * sqrt(5 / 2000) = 0.098
    assert (hi_b - lo_b) / 2 == pytest.approx(1.96 * np.sqrt(5 / 2000), rel=0.25)


def test_bootstrap_is_deterministic_and_handles_degenerate_input():
    num, den = np.array([1.0, 2.0, 3.0]), np.array([10.0, 10.0, 10.0])
    assert bootstrap_ratio_ci(num, den, seed=7) == bootstrap_ratio_ci(num, den, seed=7)
    assert bootstrap_ratio_ci(np.array([2.0]), np.array([4.0])) == (0.5, 0.5)
    assert all(np.isnan(bootstrap_ratio_ci(np.array([]), np.array([]))))
    assert all(np.isnan(bootstrap_ratio_ci(np.zeros(3), np.zeros(3))))


def test_permutation_test_separates_real_differences_from_noise():
    rng = np.random.default_rng(5)
    a = rng.poisson(10, (60, 1)).astype(float)
    b = rng.poisson(14, (60, 1)).astype(float)
    same = rng.poisson(10, (60, 1)).astype(float)
    ones = np.ones((60, 1))
    diff, p = permutation_test_ratios(a, ones, b, ones, permutations=999, seed=1)
    assert diff[0] == pytest.approx(a.mean() - b.mean())
    assert p[0] == pytest.approx(1 / 1000)              # nothing as extreme in 999 relabellings
    _, p_same = permutation_test_ratios(a, ones, same, ones, permutations=999, seed=1)
    assert p_same[0] > 0.05


def test_permutation_p_values_are_uniform_under_the_null():
    rng = np.random.default_rng(11)
    ps = []
    for k in range(200):
        x = rng.poisson(3, (15, 1)).astype(float)
        y = rng.poisson(3, (15, 1)).astype(float)
        ps.append(permutation_test_ratios(x, np.ones((15, 1)), y, np.ones((15, 1)), permutations=199, seed=k)[1][0])
    rejected = np.mean(np.array(ps) <= 0.05)
    assert rejected <= 0.09                              # nominal 5%; 200 tests leave some sampling noise


def test_permutation_test_several_metrics_at_once_and_missing_denominators():
    a_num = np.array([[1.0, 0.0], [2.0, 0.0]])
    a_den = np.array([[1.0, 0.0], [1.0, 0.0]])          # metric 2: outlet a has nothing to divide
    b_num = np.array([[1.0, 1.0], [1.0, 1.0]])
    b_den = np.ones((2, 2))
    diff, p = permutation_test_ratios(a_num, a_den, b_num, b_den, permutations=99, seed=0)
    assert diff[0] == pytest.approx(0.5) and 0 < p[0] <= 1
    assert np.isnan(diff[1]) and np.isnan(p[1])


def test_bh_matches_the_textbook_procedure():
    p = np.array([0.01, 0.04, 0.03, np.nan, 0.5])
    q = bh_qvalues(p)
    # sorted p: 0.01 0.03 0.04 0.5 (m = 4): 0.04, 0.06, 0.0533, 0.5 -> running minimum from the top
    assert q[0] == pytest.approx(0.04)
    assert q[2] == pytest.approx(0.04 * 4 / 3) and q[1] == pytest.approx(0.04 * 4 / 3)
    assert q[4] == pytest.approx(0.5) and np.isnan(q[3])
    assert np.all(q[~np.isnan(q)] >= p[~np.isnan(p)])


def test_stable_seed_does_not_depend_on_the_process():
    # a hash()-based seed is equal within one process but changes with PYTHONHASHSEED: compare fresh interpreters
    parts = ("ci", "Fox News", "tone")
    code = f"from mediacheck.report.stats import stable_seed; print(stable_seed(*{parts!r}))"
    here = stable_seed(*parts)
    for hashseed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                             check=True).stdout
        assert int(out) == here, f"PYTHONHASHSEED={hashseed}"
    assert stable_seed("a", "bc") != stable_seed("ab", "c")


def test_sequential_stopping_only_shortens_clearly_null_tests():
    rng = np.random.default_rng(2)
    ones = np.ones((40, 1))
    x, y = rng.poisson(5, (40, 1)).astype(float), rng.poisson(5, (40, 1)).astype(float)
    _, p_early = permutation_test_ratios(x, ones, y, ones, permutations=999, seed=4)
    _, p_full = permutation_test_ratios(x, ones, y, ones, permutations=999, seed=4, stop_after=None)
    assert p_full[0] > 0.2 and p_early[0] > 0.09            # stopped after ~99 relabellings, still clearly null
    assert p_early[0] == pytest.approx(p_full[0], abs=0.15)
    z = x + 3
    _, p1 = permutation_test_ratios(z, ones, y, ones, permutations=999, seed=4)
    _, p2 = permutation_test_ratios(z, ones, y, ones, permutations=999, seed=4, stop_after=None)
    assert p1[0] == p2[0] == pytest.approx(1 / 1000)        # a real difference gets every relabelling
