"""Prove that MES (cost utilities) buys the same projects for a whole range of budgets at once.

Add1 reruns MES with ``b + t * step`` per voter for ``t = 0, 1, 2, ...``. The parametric run in
``mes_fast`` proves a range only while every price keeps the same formula, which breaks as soon as one
poor supporter of a winner could pay a little more; on many real elections that happens after one or
two steps while the projects bought stay the same for dozens. This module proves such ranges in
another way: with *bounds*.

For ``t`` in ``[0, T]`` every class of voters (see ``mes.py``) gets a lower and an upper bound on its
money, each an affine function of ``t`` stored as its values at ``t = 0`` and ``t = T``. Round by round,
following the given winners:

* The winner's price per supporter is at most the chord of its price under the lower bounds: with
  affine money the price is the maximum of affine functions (one per set of poor supporters), so it is
  convex in ``t`` and lies under its chord. The two chord ends are checked, not trusted: ``q`` is an
  upper bound on the price when ``sum(w * min(money, q)) >= cost``.
* Any other project's price is at least ``(cost - money of a set S) / (weight outside S)`` under the
  upper bounds, for any set S of supporters: an affine lower bound (we keep two: S = the poor classes
  near ``t = 0`` and near ``t = T``). Prices only rise during a run, so a lower bound from an earlier
  round stays valid and is recomputed only when it no longer separates.
* The winner must beat every other project (then nothing else can win that round), or that project
  must be unaffordable under the upper bounds (it stays so: money only falls during a run).
* Paying keeps the bounds: the lower bound becomes ``low - upper price`` or 0 (both lie under
  ``max(0, money - price)``) and the upper bound the chord of ``max(0, high - lower price)``.
* At the end every project left must be unaffordable.

Every condition is affine in ``t``, so it holds on the range when it holds at both ends. When one
holds at ``t = 0`` but not at ``T``, the range shrinks to where it holds (the bounds so far stay valid
on a smaller range), so a proof never fails for a range that was chosen too long: it returns how far
it got. The arithmetic is in floats, rounded outwards by more than the rounding error of each
operation (sums of non-negative terms have a relative error of at most ``n * 2**-53``), so every bound
is a true bound; anything too close to call (exact ties among them) ends the proof.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from fractions import Fraction
from functools import partial
from itertools import repeat
from operator import mul
from typing import TYPE_CHECKING, cast

from .mes import PACKED_CLASS

if TYPE_CHECKING:
    from .mes import MesEngine, _Node
    from .mes_fast import FastRun, Val

# Twice the unit roundoff; every rounded result is widened by a multiple of it.
EPS = 2.0**-52
# Shrunk ranges stop this far (relative) before the point where a condition may fail.
MARGIN = 1e-9
Line = tuple[float, float]  # an affine function of t by its values at t = 0 and t = T


def _down(x: float, n: int = 1) -> float:
    return x - (n + 2) * EPS * abs(x)


def _up(x: float, n: int = 1) -> float:
    return x + (n + 2) * EPS * abs(x)


def _price(
    money: list[float], weights: list[float], cost: float, weight: float
) -> tuple[float, list[int]] | None:
    """The MES price per supporter in plain floats, and the classes that cannot pay it (a guess).

    Whoever holds less than the current price surely cannot pay the final one (removing a poor class
    only raises the price), so instead of sorting, take all of them at once and repeat.
    """
    rem = cost
    poor: list[int] = []
    pending: list[int] | range = range(len(money))
    while True:
        q = rem / weight
        new = [i for i in pending if money[i] < q]
        if not new:
            return q, poor
        poor += new
        for i in new:
            rem -= money[i] * weights[i]
            weight -= weights[i]
        if weight <= 0:
            return None
        taken = set(new)
        pending = [i for i in pending if i not in taken]


def _positive_up_to(d0: float, d1: float) -> float:
    """How far (0..1, a share of the range) the affine function with ends d0, d1 stays > 0; -1 if not at 0."""
    if d0 <= 0:
        return -1.0
    if d1 > 0:
        return 1.0
    return d0 / (d0 - d1) * (1 - MARGIN) - MARGIN


class _Proof:
    def __init__(
        self, engine: MesEngine, b: Fraction | int, step: Fraction | int, steps: int, least: int = 0
    ) -> None:
        self.e = engine
        # The compiled kernel (kernel.py) or None: the sums and bounds below in C, the same floats.
        self.k = engine.k  # the engine's: it may count in Python where the kernel cannot
        self.steps = steps
        # The proof gives up rather than shrink its range below this many steps.
        self.least = min(least, steps)
        b0, b1 = float(b), float(b + step * steps)
        self.low0: dict[int, float] = {0: _down(b0)}
        self.low1: dict[int, float] = {0: _down(b1)}
        self.high0: dict[int, float] = {0: _up(b0)}
        self.high1: dict[int, float] = {0: _up(b1)}
        if self.k is not None:
            # The same bounds in C arrays; the four attributes are views read as these dicts.
            self.bounds = self.k.Bounds(
                self.low0[0], self.low1[0], self.high0[0], self.high1[0], float(steps)
            )
            self.low0, self.low1, self.high0, self.high1 = map(self.bounds.view, range(4))
        self.cost = engine.cost_f
        # Per project: two lower bounds on price / cost (both stay valid: prices only rise in a run).
        self.lows: dict[int, tuple[Line, Line]] = {}
        for p in engine.candidates:
            q = _down(1.0 / engine.total_f[p], 2)
            self.lows[p] = ((q, q), (q, q))

    def start_from(self, run: FastRun, offset: int) -> None:
        """Take every class's money from ``run``'s affine values, ``offset`` steps after its budget.

        Only for a prefix of ``run``'s rounds proven to hold on the whole range (see certify_span):
        there each class's money is exactly affine in t, within the run's error bounds.
        """
        if self.k is not None:
            self.bounds.attach(run.val, float(offset))  # as _RunMoney, in C (run.val is a kernel Money)
            return
        self.low0, self.low1, self.high0, self.high1 = (_RunMoney(self, run.val, offset) for _ in range(4))

    # ----- the range -------------------------------------------------------------------------
    def shrink(self, share: float) -> float | None:
        """Cut the range to ``[0, floor(share * T)]``; return the share kept, None if share < 0 or if
        fewer steps than ``least`` would be left (the range is then left as it was)."""
        if share < 0:
            return None
        steps = min(math.floor(share * self.steps), self.steps)
        if steps == self.steps:
            return 1.0
        if steps < self.least:
            return None
        lam = steps / self.steps
        self.steps = steps
        if self.k is not None:
            self.bounds.cut(lam, float(steps))  # the loop below, in C; later classes use the new range
            for p, (a, c) in self.lows.items():
                self.lows[p] = (_cut(a, lam, -1), _cut(c, lam, -1))
            return lam
        for ends, starts, sign in ((self.low1, self.low0, -1), (self.high1, self.high0, 1)):
            # _cut() of every class, inlined: a proof holds thousands. Both ends of a bound get
            # their classes together, so the two dicts list them in the same order.
            m = sign * 4 * EPS
            cut = [
                v0 + (v1 - v0) * lam + m * (abs(v0) + abs(v1))
                for v0, v1 in zip(starts.values(), ends.values(), strict=True)
            ]
            assert list(starts) == list(ends)
            ends.update(zip(ends, cut, strict=True))
        for p, (a, c) in self.lows.items():
            self.lows[p] = (_cut(a, lam, -1), _cut(c, lam, -1))
        return lam

    def _dot(self, values: dict[int, float], node: _Node, p: int) -> float:
        """The money bound ``values`` of p's classes at ``node``, times their weights, summed."""
        if self.k is not None:
            return float(self.k.pdot(values, self.e.packed(node, p)))  # the same sum in C
        keys, weights = self.e.ids(node, p)
        return float(sum(map(mul, map(values.__getitem__, keys), weights)))

    def _lists(self, node: _Node, p: int) -> tuple[list[int], list[float], int]:
        """p's classes at ``node`` and their weights (empty lists with the compiled kernel, which
        reads the packed ones), and how many classes there are."""
        if self.k is not None:
            return [], [], len(self.e.packed(node, p)) // PACKED_CLASS
        keys, weights = self.e.ids(node, p)
        return keys, weights, len(keys)

    # ----- bounds on prices --------------------------------------------------------------------
    def upper_key(self, node: _Node, p: int) -> tuple[Line, list[int]] | None:
        """An upper bound on p's price per supporter / cost at both ends, and a guess of its poor classes.

        Shrinks the range to where p is surely affordable; None if it is not at t = 0.
        """
        keys, weights, count = self._lists(node, p)
        cost = self.cost[p]
        need = _up(cost)
        n = 2 * count + 4
        for _attempt in range(5):
            ends: list[float] = []
            poor: list[int] = []
            for values in (self.low0, self.low1):
                if self.k is not None:  # _price and the sums below, in C on the packed class lists
                    packed = self.e.packed(node, p)
                    found = self.k.pprice(values, packed, cost, self.e.total_f[p])
                else:
                    money = list(map(values.__getitem__, keys))
                    found = _price(money, weights, cost, self.e.total_f[p])
                if found is None:
                    break
                q = found[0]
                if not ends:
                    poor = found[1]
                for widen in (1e-12, 1e-9, 1e-6):
                    cand = q * (1 + widen) + 1e-300
                    # An upper bound on the price if the supporters pay at least the cost with it
                    # (which also shows that they can afford it).
                    if self.k is not None:
                        paid = self.k.pcapped(values, packed, cand)
                    else:
                        paid = sum(map(mul, map(min, money, repeat(cand)), weights))
                    if _down(paid, n) >= need:
                        ends.append(cand)
                        break
                else:
                    break
            if len(ends) == 2:
                cw = _down(cost)
                return (_up(ends[0] / cw, 2), _up(ends[1] / cw, 2)), poor
            if not ends or self.steps == 0:
                return None  # not even at t = 0
            # Holds at t = 0 only. If the money may fall short further on, cut the range where it
            # surely does not; else (or if that fails) try half the range, a quarter, ..., t = 0.
            share = 0.5 if _attempt < 3 else 0.0
            if _attempt == 0:
                tot0, tot1 = (_down(self._dot(values, node, p), n) for values in (self.low0, self.low1))
                if tot1 < need <= tot0:
                    share = _positive_up_to(tot0 - need, tot1 - need)
            if self.shrink(share) is None and share >= 0:
                return None  # fewer steps than ``least`` would be left
        return None

    def lower_key(self, node: _Node, p: int, at_end: int, poor: list[int] | None = None) -> Line:
        """An affine lower bound on p's price per supporter / cost (valid wherever p is affordable).

        Any set S of classes gives one: ``(cost - money of S) / (weight outside S)`` under the upper
        bounds. The best S differs along the range: this takes the poor classes at t = 0
        (``at_end=0``) or at t = T (``at_end=1``), or ``poor`` if given.
        """
        keys, weights, _count = self._lists(node, p)
        cost = self.cost[p]
        total_w = self.e.total_f[p]  # with cost utilities, the supporters' weight
        if poor is None:
            # Only the pure path asks without ``poor``: with the kernel, Bounds.scan_round renews
            # these bounds itself.
            assert self.k is None
            values = self.high1 if at_end else self.high0
            found = _price(list(map(values.__getitem__, keys)), weights, cost, total_w)
            poor = found[1] if found is not None else []
        if self.k is not None:
            rich_w = total_w - self.k.ppick_sum(self.e.packed(node, p), poor)
        else:
            rich_w = total_w - sum(weights[i] for i in poor)
        cp = _up(cost)
        if not poor or rich_w <= 0:
            q = _down(cost / total_w / cp, 4)
            return q, q
        n = 2 * len(poor) + 4
        ends = []
        if self.k is None:
            poor_keys = [keys[i] for i in poor]
            poor_weights = [weights[i] for i in poor]
        for high in (self.high0, self.high1):
            if self.k is not None:
                paid = _up(self.k.pdot_at(high, self.e.packed(node, p), poor), n)  # the same sum, in C
            else:
                paid = _up(sum(map(mul, map(high.__getitem__, poor_keys), poor_weights)), n)
            rem = cost - paid - 4 * EPS * (cost + paid)
            # Not clipped at 0: max(line, 0) is convex, and the chord of its ends lies above it where
            # the line crosses 0, above the price itself (Hypothesis found such an election).
            ends.append(_down(rem / rich_w / cp, 4))
        return ends[0], ends[1]

    def unaffordable_up_to(self, node: _Node, p: int) -> tuple[float, float]:
        """Where p's supporters surely hold less than its cost: (s0, s1) with the region being
        ``s < s0`` or ``s > s1`` (shares of the range); the money bound is affine, so it is one side."""
        _keys, _weights, count = self._lists(node, p)
        cost = _down(self.cost[p])
        n = 2 * count + 4
        d0, d1 = (cost - _up(self._dot(values, node, p), n) for values in (self.high0, self.high1))
        if d0 > 0:
            return _positive_up_to(d0, d1), 2.0
        if d1 > 0:  # holds near t = T only: for s > d0 / (d0 - d1)
            return -1.0, d0 / (d0 - d1) * (1 + MARGIN) + MARGIN
        return -1.0, 2.0

    def payers(self, node: _Node, p: int) -> tuple[float, list[int]]:
        """The weight of p's supporters who may hold money somewhere on the range, and their classes.

        The others surely hold none: both ends of their upper bound are 0, and money is >= 0. Since
        ``sum(w * min(money, q)) = cost`` only counts these, p's price per supporter is at least
        ``cost / payers`` for every t: its key (price / cost) at least ``1 / payers``.
        Weights are whole numbers, so the sum is exact.
        """
        keys, weights = self.e.ids(node, p)
        if self.k is not None:
            return cast(tuple[float, list[int]], self.bounds.payers(keys, weights))  # the lines below, in C
        high0, high1 = self.high0, self.high1
        found = [(k, w) for k, w in zip(keys, weights, strict=True) if high0[k] > 0.0 or high1[k] > 0.0]
        return sum(w for _k, w in found), [k for k, _w in found]

    def equal_share_payers(self, node: _Node, p: int) -> float | None:
        """``payers`` if each of them surely holds ``cost / payers`` on the whole range: then p's key is
        exactly ``1 / payers`` for every t (the others pay nothing, and nobody else is poor). The money
        bounds are straight lines in t, so both ends decide; the share is rounded up past its error."""
        weight, keys = self.payers(node, p)
        if not weight:
            return None
        share = _up(self.cost[p] / weight, 2)
        if min(map(self.low0.__getitem__, keys)) >= share and min(map(self.low1.__getitem__, keys)) >= share:
            return weight
        return None

    # ----- paying ------------------------------------------------------------------------------
    def pay(self, node: _Node, s: int, upper_key: Line, lower_key: Line) -> None:
        """Supporters of s pay its price: new bounds for every class they are in."""
        low0, low1, high0, high1 = self.low0, self.low1, self.high0, self.high1
        cost = self.cost[s]
        cu, cd = _up(cost), _down(cost)
        u0, u1 = _up(upper_key[0] * cu, 2), _up(upper_key[1] * cu, 2)
        l0, l1 = _down(lower_key[0] * cd, 2), _down(lower_key[1] * cd, 2)
        m = 4 * EPS
        if self.k is not None:
            # The lines below, in C.
            packed, children = self.e.packed(node, s), self.e.child_packed(node, s)
            self.k.pay(low0, low1, high0, high1, packed, children, u0, u1, l0, l1, m)
            return
        keys = self.e.ids(node, s)[0]
        new = self.e.child_ids(node, s)
        # Lower bound: low - upper price, or 0 (both lie under max(0, .)); whichever is the larger
        # at t = 0, where the bounds must stay tight for the proof to start at all.
        x0 = [a - u0 - m * (abs(a) + u0) for a in map(low0.__getitem__, keys)]
        x1 = [a - u1 - m * (abs(a) + u1) for a in map(low1.__getitem__, keys)]
        low0.update(zip(new, [x if x >= 0 else 0.0 for x in x0]))  # noqa: B905
        low1.update(zip(new, [y if x >= 0 else 0.0 for x, y in zip(x0, x1)]))  # noqa: B905
        # Upper bound: the chord of max(0, high - lower price), which is convex in t.
        e0, e1 = m * abs(l0), m * abs(l1)
        high0.update(zip(new, [max(c - l0 + m * c + e0, 0.0) for c in map(high0.__getitem__, keys)]))  # noqa: B905
        high1.update(zip(new, [max(c - l1 + m * c + e1, 0.0) for c in map(high1.__getitem__, keys)]))  # noqa: B905

    # ----- one round ---------------------------------------------------------------------------
    def loses(self, node: _Node, p: int, upper: Line, short_first: bool = False) -> float:
        """How far (share of the range) p surely does not win against a winner with key <= upper.

        2 means p is unaffordable on the whole range (and stays so: money only falls in a run).
        ``short_first``: p is likely unaffordable here, so check that first (one sum per end instead
        of two price bounds). The pure path: with the kernel, Bounds.scan_round does this in C.
        """
        known = self.lows[p]
        reach = _beats(upper, known)
        if reach >= 1:
            return reach
        short: tuple[float, float] | None = None
        if short_first:
            short = self.unaffordable_up_to(node, p)
            if short[0] >= 1:
                return 2.0
        # Renew the bound that holds near t = 0, then the one near t = T.
        self.lows[p] = known = (self.lower_key(node, p, 0), known[1])
        reach = _beats(upper, known)
        if reach >= 1:
            return reach
        self.lows[p] = known = (known[0], self.lower_key(node, p, 1))
        reach = _beats(upper, known)
        if reach >= 1:
            return reach
        before, after = short or self.unaffordable_up_to(node, p)
        if before >= 1:
            return 2.0  # unaffordable throughout, so for the rest of the run
        if after < reach:
            return 1.0  # beaten up to `reach`, unaffordable from `after` on
        return max(reach, before)


class _RunMoney(dict[int, float]):
    """Bounds on the classes' money at one end of the range, from a run's affine values, on first use.

    The exact money is ``a + s * t`` with ``|vf - a| <= ve`` and ``|vs - s| <= vse`` (see mes_fast),
    so ``vf + vs * t -/+ (ve + vse * t)`` bounds it; the float operations are rounded outwards. A
    class's four bounds are made together (the proof always sets them together too). The end at T
    reads the proof's current range, so a class first met after the range shrank gets bounds there.
    """

    __slots__ = ("proof", "val", "offset")

    def __init__(self, proof: _Proof, val: Sequence[Val], offset: int) -> None:
        super().__init__()
        # A weak reference: the proof holds these dicts, and a strong reference back would make a
        # cycle, which tally() (it pauses the cyclic collector) would keep until the count ends:
        # on Budapest 2024, hundreds of proofs' bounds, over 1 GB.
        self.proof = weakref.proxy(proof)
        self.val, self.offset = val, offset

    def __missing__(self, k: int) -> float:
        proof = self.proof
        vf, ve, vs, vse = self.val[k]
        for t, low, high in (
            (float(self.offset), proof.low0, proof.high0),
            (float(self.offset + proof.steps), proof.low1, proof.high1),
        ):
            a = vs * t
            x = vf + a
            err = ve + vse * t
            slack = 4 * EPS * (abs(vf) + abs(a) + err)
            low[k] = max(x - err - slack, 0.0)
            high[k] = x + err + slack
        return self[k]


def _cut(line: Line, lam: float, sign: int) -> Line:
    """The line on the first ``lam`` of the range, its new end rounded down (sign -1) or up (+1)."""
    v0, v1 = line
    return v0, v0 + (v1 - v0) * lam + sign * 4 * EPS * (abs(v0) + abs(v1))


def _beats(upper: Line, lows: tuple[Line, Line]) -> float:
    """How far (share of the range) ``max(lows) > upper`` holds, from t = 0; -1 if not at t = 0."""
    first, second = lows
    a = _positive_up_to(first[0] - upper[0], first[1] - upper[1])
    if a >= 1:
        return a
    c0, c1 = second[0] - upper[0], second[1] - upper[1]
    if c1 > 0 and c0 <= 0:
        # The second line holds near t = T, for s > y: together they cover the range if y < a.
        y = -c0 / (c1 - c0) * (1 + MARGIN) + MARGIN
        if y < a:
            return 1.0
    return max(a, _positive_up_to(c0, c1))


def certify_span(
    engine: MesEngine,
    b: Fraction | int,
    step: Fraction | int,
    steps: int,
    winners: list[int],
    run: FastRun | None = None,
    at: int | None = None,
    least: int = 0,
) -> int:
    """The largest T' <= ``steps`` proven: MES with ``b + t * step`` per voter buys exactly ``winners``,
    in this order, for every t in 0..T'. -1 if not even t = 0 could be shown (cost utilities only),
    or if T' would be below ``least``: the proof then stops as soon as that is clear. (The scan asks
    for ``least=1``: one step it gets from a run at that budget anyway, which costs less than the
    rest of a proof.)

    ``run``, a parametric run at a lower budget that bought ``winners``, saves work: the rounds of it
    that it proved to hold up to ``b + steps * step`` need no proof, and the proof starts after them
    from the run's money. ``at`` is as in ``MesEngine.run``: b's steps from the scan's origin.
    """
    if engine.profile.utility != "cost" or steps < 0:
        return -1
    proof = _Proof(engine, b, step, steps, least)
    alive = set(engine.candidates)
    node = engine.root
    start = 0  # the round the proof starts in
    usable = run is not None and run.step == step and run.selected == winners
    offset = run.whole_steps_to(b, at) if run is not None and usable else None
    if run is not None and offset is not None and offset >= 0:
        # The run's rounds before r take the same decisions, with money affine in t, for every t up to
        # the limit recorded at the start of round r (in the steps of the run that recorded it; the
        # runs a run resumed from lie whole steps apart).
        r, _steps = run.proven_rounds(b + step * steps, None if at is None else at + steps)
        if r > 0:
            proof.start_from(run, offset)
            n_drops, node = run.snaps[r][1], run.snaps[r][4]
            alive.difference_update(winners[:r], run.drop_log[:n_drops])
            winners, start = winners[r:], r
    # Projects the run found unaffordable by this round are likely so in the proof too.
    dropped: dict[int, int] = run.dropped if run is not None else {}
    for rnd, w in enumerate(winners, start=start):
        if w not in alive:
            return -1
        found = proof.upper_key(node, w)
        if found is None:
            return -1
        upper, poor = found
        alive.discard(w)
        lows = proof.lows
        # Exact ties (often: equal vote counts, everybody rich) no bound can separate. When the
        # winner's payers (supporters with money) all surely hold its equal share on the whole
        # range, its key is exactly 1 / payers; a project with fewer payers cannot get as low, and
        # one with as many ties at best and loses on the tie-break if it comes later.
        equal: float | None = (
            None  # the winner's payers if it pays the equal share (looked up once, if needed)
        )
        equal_known = False
        rank_w = engine.ranks[w]
        in_play = list(alive)
        i = 0
        gone: list[int] = []
        while i < len(in_play):
            if proof.k is not None:
                # The lines below up to the first project with reach < 1, in C (projects gone for
                # the rest of the run are collected in ``gone``).
                i, reach = proof.bounds.scan_round(
                    in_play, i, lows, upper[0], upper[1], node.packed, partial(engine.packed, node),
                    engine.cost_f, engine.total_f, dropped, rnd, gone,
                )  # fmt: skip
                if i == len(in_play):
                    break
                p = in_play[i]
                i += 1
            else:
                p = in_play[i]
                i += 1
                # Most projects lose by far: their kept lower bound lies above the winner's upper
                # bound at both ends (loses() would say so too, after three calls).
                kept = lows[p][0]
                if kept[0] > upper[0] and kept[1] > upper[1]:
                    continue
                reach = proof.loses(node, p, upper, dropped.get(p, rnd + 1) <= rnd)
            if reach < 1:
                # Only where the bounds fail: these look at every class of the winner and of p.
                if not equal_known:
                    equal, equal_known = proof.equal_share_payers(node, w), True
                if equal is not None:
                    payers = proof.payers(node, p)[0]
                    if payers < equal or (payers == equal and engine.ranks[p] > rank_w):
                        continue
            if reach > 1:
                gone.append(p)
            elif reach < 1:
                # Cut the range to where p surely loses; the winner's bound stays valid there.
                lam = proof.shrink(reach)
                if lam is None:
                    return -1
                upper = _cut(upper, lam, 1)
        alive.difference_update(gone)
        # The winner's lower bound from its poor classes at t = 0: tight there (see pay).
        lower = proof.lower_key(node, w, 0, poor)
        proof.pay(node, w, upper, lower)
        node = engine.child(node, w)
    for p in alive:
        before, _after = proof.unaffordable_up_to(node, p)
        if proof.shrink(min(before, 1.0)) is None:
            return -1
    return proof.steps
