"""A fast MES run for cost utilities: floats with proven error bounds, exact where a call is close.

Same decisions as the exact run in ``mes.py`` (tests check this on random elections): every
float carries an upper bound on its distance to the exact value, and a decision is taken from floats
only when the bound proves it. Otherwise, and for every tie, the values involved are recomputed exactly
(``Fraction``), lazily, from the round that created them. With cost utilities every supporter has
utility 1 in "price per supporter" terms, which keeps the float path short.

Cost notes: per-class values sit in lists indexed by small class ids (``MesEngine.class_id``), not
in dicts keyed by the classes' bit masks, whose hashing dominated every lookup; walks sort positions by
a float key and take the money-less classes at once; a walk that a plain sum proves unaffordable, with
nothing to add to the run's bound on t, is skipped (``surely_short``); an affordable project is priced
in plain floats and the result proven in one check (``quick_price``) instead of bounding each step;
and a resumed run shifts the previous run's values in place. Decisions stay those of the plain
loops; error bounds may differ by a few roundings (classes with equal low ends may be walked in another
order, and quick_price bounds a whole walk at once), which can move a bound on t only where it lies
within rounding error of a whole step (tests/pb/test_mes_fast.py compares runs with and without).
"""

from __future__ import annotations

import heapq
import math
from array import array
from fractions import Fraction
from functools import partial
from itertools import compress, repeat
from operator import itemgetter, mul
from typing import TYPE_CHECKING, Any, cast

from .mes import Dropped, MesRound, MesRun, Q, exact_rho

if TYPE_CHECKING:
    from .mes import MesEngine, _Node

# Relative rounding error charged per float operation; 2**-52 is the bound, this leaves room.
EPS = 4e-16
# Float value, its error bound, its slope in t, the slope's error bound.
Val = tuple[float, float, float, float]
# Heap entry: (low end of key, key, key error, slope, slope error, project); key = price / cost.
Entry = tuple[float, float, float, float, float, int]
_ZERO: Val = (0.0, 0.0, 0.0, 0.0)
_ERR = itemgetter(1)  # a value's error bound
_SLOPE_ERR = itemgetter(3)


def steps_between(origin: tuple[Q, int | None], budget: Q, at: int | None, step: Q) -> Q | None:
    """How many steps ``budget`` lies above ``origin`` (a run's budget and step number): from the
    step numbers where both are known (ints, no Fraction arithmetic), else exactly; None for step 0."""
    if at is not None and origin[1] is not None:
        return at - origin[1]
    if not step:
        return None
    return Fraction(budget - origin[0]) / step


class _Uncertain(Exception):
    """A float comparison was too close to call; the caller redoes it exactly."""


class FastRun:
    def __init__(self, engine: MesEngine, b: Q, step: Q, parametric: bool, at: int | None = None) -> None:
        self.e = engine
        # The compiled kernel (kernel.py), or None: pure Python. Fixed for the run's lifetime.
        self.k = engine.k  # the engine's: it may count in Python where the kernel cannot
        bf, sf = float(b), float(step)
        # Money and the low end of its interval per class, indexed by class id: lists, not dicts, as
        # ids are dense (no hashing, no resizing, and faster passes over a project's classes). An entry
        # is set when this run creates the class; until then it holds a placeholder, never read.
        self.val: list[Val] = [(bf, EPS * abs(bf), sf, EPS * abs(sf))]
        self.low: list[float] = [bf - EPS * abs(bf)]
        if self.k is not None:
            # The same lists as C arrays (kernel.Money: read and written as these lists are).
            money = self.k.Money(_ZERO, self.val[0], self.low[0])
            self.val, self.low = money, money.lows
        # Whether some class with money has a low end <= 0 (rare: a value at or near 0, or an error
        # bound that grew past its value). If not, the classes with low end 0.0 are exactly those with
        # no money left, which lets walk() take them all at once.
        self.flat = self.low[0] <= 0.0
        # An upper bound on the error bound of every money value of this run, and on the float b.
        self.err_max = EPS * abs(bf)
        self.b_high = bf * (1 + 2 * EPS)
        self.exact: dict[int, tuple[Q, Q]] = {0: (b, step)}
        self.rounds: list[tuple[int, _Node]] = []
        self.rho_exact: dict[int, tuple[Q, Q] | None] = {}
        self.parametric = parametric
        self.details = not parametric  # report exact prices per round (costs exact arithmetic)
        self.limit: float = math.inf
        # The limit as last lowered by another project that may beat a winner (certify()); when that
        # is the final limit, the outcome most likely changes right after it (completion.py uses it).
        self.order_limit: float = -1.0
        self.b, self.step, self.at = b, step, at
        self.origin = (b, at)  # what snapshots keep of the run that took them
        self.selected: list[int] = []
        self.dropped: dict[int, int] = {}
        self.node = engine.root
        # The first heap depends on the profile only: build it once per engine, copy it per run.
        first = engine.first_heap
        if first is None:
            first = []
            for p in engine.candidates:
                key = 1.0 / engine.total_f[p]
                err = 2 * EPS * key
                first.append((key - err, key, err, 0.0, 0.0, p))
            heapq.heapify(first)
            engine.first_heap = first
        self.heap: list[Entry] = list(first)
        # For resuming a later run: classes in creation order, drops in order, and per round the
        # state at its start (classes made so far, drops so far, heap, limit, node). The round that
        # created a class, and its parent, follow from its key (see born), so they are not stored.
        self.created = array("q", [0])
        self.drop_log: list[int] = []
        # Heaps and limits in a snapshot are in the coordinates of the run that took it (its origin).
        self.snaps: list[tuple[int, int, list[Entry], float, _Node, tuple[Q, int | None]]] = []

    def whole_steps_to(self, budget: Q, at: int | None) -> int | None:
        """How many steps ``budget`` (``at`` steps from the scan's origin, if known) lies above this
        run's budget, if a whole number."""
        d = steps_between(self.origin, budget, at, self.step)
        return None if d is None or d.denominator != 1 else int(d)

    def proven_rounds(self, budget: Q, at: int | None = None) -> tuple[int, int]:
        """(r, steps): this run's first r rounds take the same decisions for every budget from the
        start of round r's run (its snapshot) up to ``budget`` (``at`` steps from the origin, if
        known), ``steps`` steps further; (0, 0) if no round does.

        The snapshot at the start of round r records the limit on t that rounds before r proved, in
        the steps of the run that took it (a run resumed from an earlier one keeps its snapshots).
        Snapshots come from a few runs only, so the steps to ``budget`` are computed once per run:
        from the runs' ``at`` where both are known, else with Fraction arithmetic (microseconds per
        operation). Limits are whole numbers, so rounding the steps up is exact.
        """
        steps_from: dict[int, int] = {}
        for r in range(len(self.snaps) - 1, 0, -1):
            origin = self.snaps[r][5]
            need = steps_from.get(id(origin))
            if need is None:
                d = steps_between(origin, budget, at, self.step)
                if d is None:
                    return 0, 0
                need = steps_from[id(origin)] = math.ceil(d)
            if self.snaps[r][3] >= need:
                return r, need
        return 0, 0

    def resume_from(self, prev: FastRun, tau: int) -> bool:
        """Start from the longest prefix of ``prev`` that is proven to hold ``tau`` steps later.

        ``prev`` ran at ``b - tau * step``. Its first r rounds take the same decisions for every t up
        to the limit recorded at the start of round r; if that is >= tau, the state after those rounds
        at this budget is the affine state of ``prev`` evaluated at t = tau. Returns False when no
        round can be reused.
        """
        r, tau_snap = prev.proven_rounds(self.b, self.at)
        if r == 0:
            # Still take over prev's lists (the engine drops prev): they have room for every class id
            # already, and only class 0 is read before this run sets it.
            prev.val[0], prev.low[0] = self.val[0], self.low[0]
            self.val, self.low = prev.val, prev.low
            return False
        n_classes, n_drops, heap, limit, node, _origin = prev.snaps[r]
        ft = float(tau)
        # Take over prev's value lists (the engine drops prev when a run resumes from it) and shift
        # the prefix's classes in place: no list is rebuilt, and a class with no money keeps its
        # entries as they are. Entries of classes prev made later are stale, but never read: a walk
        # reads the classes at its node, which are prefix classes or made again by this run's buy().
        val = self.val = prev.val
        self.low = prev.low
        created = prev.created[:n_classes]
        if self.k is not None:
            self.flat, self.err_max = cast(Any, val).shift(created, ft)  # the loop in _shift, in C
        else:
            self._shift(created, ft)
        # Few classes have exact values (class 0 always); shift those that exist in the prefix. Stale
        # exact values would be read, so this dict is rebuilt.
        exact = self.exact = {}
        in_prefix = set(created) if len(prev.exact) > 1 else {0}
        for k, (a, s) in prev.exact.items():
            if k in in_prefix:
                exact[k] = (a + s * tau, s)
        self.created = created
        self.rounds = prev.rounds[:r]
        for rnd in range(r):
            rho = prev.rho_exact.get(rnd)
            if rho is not None:
                self.rho_exact[rnd] = (rho[0] + rho[1] * tau, rho[1])
        self.selected = [s for s, _node in self.rounds]
        self.drop_log = prev.drop_log[:n_drops]
        self.dropped = {p: prev.dropped[p] for p in self.drop_log}
        shifted = []
        fs = float(tau_snap)
        for _lo, key, err, sl, sle, p in heap:
            nk = key + sl * fs
            ne = err + sle * fs + 2 * EPS * abs(nk)
            shifted.append((nk - ne, nk, ne, sl, sle, p))
        heapq.heapify(shifted)
        self.heap = shifted
        self.snaps = prev.snaps[:r]
        self.limit = limit - tau_snap
        self.node = node
        return True

    def _shift(self, created: array[int], ft: float) -> None:
        """resume_from(): the prefix's classes' money ``ft`` steps later, in place."""
        val, low = self.val, self.low
        flat = False
        two_eps = 2 * EPS
        err_max = 0.0
        for k in created:
            v = val[k]
            if v is not _ZERO:
                vf, ve, vs, vse = v
                nf = vf + vs * ft
                ne = ve + vse * ft + two_eps * nf
                val[k] = (nf, ne, vs, vse)
                lo = low[k] = nf - ne
                if lo <= 0.0:
                    flat = True
                if ne > err_max:
                    err_max = ne
        self.flat = flat
        self.err_max = err_max

    # ----- bounds on t -------------------------------------------------------------------------
    def keep(self, g0: float, e0: float, g1: float, e1: float, strict: bool = False) -> None:
        """Require ``g(t) = g0 + g1*t >= 0`` (> 0 if strict) for t <= limit, given float bounds."""
        if not self.parametric or self.limit == 0:
            return
        slope_low = g1 - e1
        if slope_low >= 0:
            return
        value_low = g0 - e0
        if value_low <= 0:
            self.limit = 0
            return
        x = value_low / -slope_low * (1 - 1e-12)
        self.limit = min(self.limit, math.ceil(x) - 1 if strict else math.floor(x))

    def keep_exact(self, g0: Q, g1: Q, strict: bool) -> None:
        if not self.parametric or self.limit == 0 or g1 >= 0:
            return
        x = Fraction(g0) / -g1
        whole = x.numerator // x.denominator
        if strict and whole == x:
            whole -= 1
        self.limit = min(self.limit, max(whole, 0))

    # ----- exact values, computed only when a float call is too close ------------------------
    def exact_value(self, k: int) -> tuple[Q, Q]:
        found = self.exact.get(k)
        if found is not None:
            return found
        parent, rnd = self.born(k)
        a, s = self.exact_value(parent)
        rho = self.exact_rho_of_round(rnd)
        assert rho is not None
        left = a - rho[0]
        value: tuple[Q, Q] = (0, 0) if left < 0 else (left, s - rho[1])
        self.exact[k] = value
        return value

    def born(self, k: int) -> tuple[int, int]:
        """The parent of class id ``k`` (not 0) and the round that created it.

        A class is created in the round that buys the last of its projects (bought projects are never
        bought again), from the class without that project's bits.
        """
        e = self.e
        key = e.class_key[k]
        sbits, rounds = e.sbits, self.rounds
        for rnd in range(len(rounds) - 1, -1, -1):
            bit = sbits[rounds[rnd][0]]
            if key & bit:
                return e.intern(key & ~bit), rnd
        raise AssertionError(f"class {key} was not created in this run")

    def exact_rho_of_round(self, rnd: int) -> tuple[Q, Q] | None:
        if rnd not in self.rho_exact:
            s, node = self.rounds[rnd]
            self.rho_exact[rnd] = self.exact_walk(node, s)
        return self.rho_exact[rnd]

    def exact_walk(self, node: _Node, p: int, winner: bool = False) -> tuple[Q, Q] | None:
        """Exact price; ``winner=True`` also requires its poor supporters to stay poor (see walk)."""
        intern = self.e.intern
        items = [(self.exact_value(intern(k)), u, w) for (k, u), w in self.e.hist(node, p).items()]
        result = exact_rho(items, self.e.profile.costs[p], self.e.profile.total_utility[p])
        if isinstance(result, Dropped):
            self.keep_exact(result.rem[0], result.rem[1], strict=True)
            return None
        rho, poor = result
        if winner and self.parametric:
            for (a, s), u, _w in poor:
                self.keep_exact(rho[0] * u - a, rho[1] * u - s, strict=False)
        return rho

    def equal_share_rho(self, node: _Node, p: int) -> tuple[Q, Q] | None:
        """p's exact price when every supporter with money surely holds more than an equal share of
        the cost among them (the others hold exactly none: ``_ZERO``); None otherwise.

        Then each of them pays ``cost / W`` (W their weight) and the others nothing, whatever t: the
        price is ``(cost / W, 0)``, as ``exact_walk`` would find it, without its Fraction arithmetic
        over every class. Exact ties between such projects (equal votes, nobody poor) are common
        (Toulouse 2022: most of the exact walks). The check is walk()'s own "everybody can pay the
        equal share" test: low ends are proven lower bounds, and the share is rounded up past its
        error.
        """
        keys, weights = self.e.ids(node, p)
        val, low = self.val, self.low
        weight = 0.0
        lowest = math.inf
        for k, w in zip(keys, weights, strict=True):
            if val[k] is _ZERO:
                continue
            weight += w  # whole numbers: exact
            if low[k] < lowest:
                lowest = low[k]
        if not weight:
            return None
        share = self.e.cost_f[p] / weight
        if lowest > share * (1 + 4 * EPS):
            return Fraction(self.e.profile.costs[p]) / int(weight), 0
        return None

    # ----- the float walk ----------------------------------------------------------------------
    def surely_short(
        self, keys: list[int], weights: list[float], cost: float, screen: float, total: float
    ) -> bool:
        """True if p's supporters surely hold less than ``cost``, and walk()'s keep() would change nothing.

        Then walk() would return None (or raise ``_Uncertain``, and the exact walk would find the
        project unaffordable with a keep_exact() that changes nothing either): the same outcome, found
        with a few sums instead of a sorted walk. The bounds are deliberately loose (a sum of n products
        of floats >= 0 is within n + 2 roundings of exact; walk()'s own rem_e and slopes are bounded
        from above term by term), so whenever this says True the walk's keep() provably leaves the
        limit where it is; when it says False, walk() runs as before. ``total`` is the sum of
        ``weights``.
        """
        if self.parametric and self.limit == math.inf:
            return False  # any bound keep() found would be new
        val = self.val
        n = len(keys)
        grow = 1 + (n + 6) * EPS
        need_slopes = self.parametric and self.limit != 0
        if not need_slopes and not self.flat:
            # Only the money is needed, and every low end is >= 0: vf + ve = low + 2 * ve, and
            # ``screen`` is the sum of w * low, so the sum of w * ve is all that is missing. First with
            # the run's bound on every ve instead of the pass over them: it nearly always suffices.
            me_: float = self.err_max * total * (1 + 2 * EPS)
            if cost * (1 - 2 * EPS) - (screen + 2 * me_) * grow * (1 + 2 * EPS) > 0:
                return True
            me_ = sum(map(mul, weights, map(_ERR, map(val.__getitem__, keys))))
            return cost * (1 - 2 * EPS) - (screen + 2 * me_) * grow * (1 + 2 * EPS) > 0
        # Plain loops: cheaper here than whole-list passes (no transposed copies, float ops inline).
        m = me = ms = mse = 0.0
        if need_slopes:
            for k, w in zip(keys, weights, strict=True):
                vf, ve, vs, vse = val[k]
                m += w * vf
                me += w * ve
                ms += w * vs
                mse += w * vse
        else:
            for k, w in zip(keys, weights, strict=True):
                vf, ve, _vs, _vse = val[k]
                m += w * vf
                me += w * ve
        # Below the exact shortfall at t = 0 (cost, less the supporters' money, at its highest).
        short = cost * (1 - 2 * EPS) - (m + me) * grow
        if short <= 0:
            return False
        if not need_slopes:
            return True  # keep() does nothing
        limit = self.limit
        # walk() would call keep(rem, rem_e, rem_s, rem_se) with rem within rem_e of the exact
        # shortfall, rem_e <= EPS * cost * (n + 1) + me + EPS * m (each class adds w * ve and
        # EPS * (rem + w * vf), rem <= cost), and -(rem_s - rem_se) <= ms + mse + EPS * (n + 1) * ms.
        rem_e = (EPS * cost * (n + 1) + me + EPS * m) * grow
        value_low = (short - 2 * rem_e) * (1 - 2 * EPS)
        if value_low <= 0:
            return False
        fall = (ms + mse + EPS * (n + 1) * ms) * grow * (1 + 2 * EPS)
        # keep() sets limit = min(limit, about value_low / fall): unchanged if that is >= limit + 1.
        return value_low > (limit + 1) * fall * (1 + 1e-9)

    def walk(self, node: _Node, p: int) -> tuple[tuple[float, float, float, float], list[Val]] | None:
        """Float price per supporter with error bounds and the poor classes, or None if unaffordable.

        The poor classes are left out when the run has no bound on t left to find (see below).

        May raise ``_Uncertain``. The price as a function of t, computed with the classes that are poor
        at t = 0, is a lower bound on the true price for every t (whoever is poor pays at most all they
        have), so for a project that does not win no further condition on t is needed. (The compiled
        kernel walks inside ``Kernel.evaluate``, go()'s loop; this is the pure path.)
        """
        cost = self.e.cost_f[p]
        weight = self.e.total_f[p]
        keys, weights = self.e.ids(node, p)
        lows = list(map(self.low.__getitem__, keys))
        # About half of all walks find the project unaffordable; when a quick sum says so (the sum of
        # the low ends is a cheap screen), skip the walk if it could not change the limit anyway. (If
        # everybody could pay the equal share, the exact money is >= cost and this never says so.)
        screen = sum(map(mul, weights, lows))
        if screen < cost and self.surely_short(keys, weights, cost, screen, weight):
            return None
        n = len(keys)
        drained = False
        if not self.flat:
            # The classes with low end 0.0 are exactly the money-less ones: take them at once. The
            # truth test of a float leaves them out, and the weight of the others is summed the same
            # way (whole numbers, so the float weight is exact in any order).
            live = list(compress(range(n), lows))
            if len(live) < n:
                weight = sum(compress(weights, lows))
                drained = True
        else:
            live = list(range(n))
        if not drained:
            q0 = cost / weight
            if min(lows) > q0 * (1 + 4 * EPS):
                return (q0, 2 * EPS * q0, 0.0, 0.0), []  # everybody can pay the equal share
        slopes = self.parametric and self.limit != 0
        if not self.flat and screen >= cost:
            # Affordable (the low ends alone pay the cost), and every class in ``live`` has money:
            # the quick walk nearly always settles it (see quick_price).
            found = self.quick_price(live, keys, weights, lows, cost, weight, slopes)
            if found is not None:
                if drained:
                    found[1].append(_ZERO)
                return found
        # Sorted by the low end of each value's interval: once one class is surely rich, all later are.
        # Sorting positions by a float key takes CPython's fast path for floats (no tuples are built);
        # classes with the same low end keep their list order, which is as valid as any other.
        order = sorted(live, key=lows.__getitem__)
        val = self.val
        rem, rem_e, rem_s, rem_se = cost, EPS * cost, 0.0, 0.0
        poor: list[Val] = []
        eps = EPS  # a local name is cheaper in these loops
        # A class with no money left is surely poor (rem > 0 here) and pays nothing; only its weight
        # leaves. Money values and slopes are >= 0 (rounding keeps signs), so they need no abs(); nor
        # does rem: it starts at cost >= 0 and loses w * vf only when vf * weight < rem, w <= weight.
        if not slopes:
            # Slopes in t only serve bounds on t, and there are none left to find in this run: no
            # later keep() or certify() acts, and no later run resumes from a round after this one
            # (resume_from needs a limit >= 1 at its start). So leave rem_s, rem_se at 0, and leave
            # the poor classes out of ``poor``: only keep_poor() reads them, and it has nothing to do.
            for i in order:
                v = val[keys[i]]
                if v is _ZERO:
                    weight -= weights[i]
                    drained = True
                    continue
                vf, ve, _vs, _vse = v
                vw = vf * weight
                d = vw - rem
                d_e = ve * weight + rem_e + eps * (vw + rem)
                if d > d_e:
                    break
                if d >= -d_e:
                    raise _Uncertain
                wf = weights[i]
                wvf = wf * vf
                rem_e += wf * ve + eps * (rem + wvf)
                rem -= wvf
                weight -= wf
            else:
                return None  # keep() would do nothing
        else:
            for i in order:
                v = val[keys[i]]
                if v is _ZERO:
                    weight -= weights[i]
                    drained = True
                    continue
                vf, ve, vs, vse = v
                vw = vf * weight
                d = vw - rem
                d_e = ve * weight + rem_e + eps * (vw + rem)
                if d > d_e:
                    break
                if d >= -d_e:
                    raise _Uncertain
                poor.append(v)
                wf = weights[i]
                wvf = wf * vf
                wvs = wf * vs
                rem_e += wf * ve + eps * (rem + wvf)
                rem -= wvf
                rem_se += wf * vse + eps * (wvs - rem_s)
                rem_s -= wvs
                weight -= wf
            else:
                self.keep(rem, rem_e, rem_s, rem_se, strict=True)
                return None
        q = rem / weight
        q_e = rem_e / weight + EPS * q
        qs = rem_s / weight
        qs_e = rem_se / weight + EPS * abs(qs)
        if drained:
            poor.append(_ZERO)
        return (q, q_e, qs, qs_e), poor

    def quick_price(
        self,
        live: list[int],
        keys: list[int],
        weights: list[float],
        lows: list[float],
        cost: float,
        weight: float,
        slopes: bool,
    ) -> tuple[tuple[float, float, float, float], list[Val]] | None:
        """walk()'s price and poor classes, found in plain floats and then proven in one check;
        None if the check fails (a close call) or no class is rich: walk() then goes class by class.

        Whoever holds less than the current price (what is left over the weight left) surely cannot
        pay the final one, which only rises as poor classes leave: so each pass takes every such
        class at once, in list order, until a pass finds none. No sort, and no error bound per step.
        Then one check proves the outcome: if every class taken surely holds less than the resulting
        price q, and every other class surely more, then q is the price (its supporters pay exactly
        the cost at q) and the classes taken are the poor ones. That is two comparisons: the richest
        class taken (its money is at most its low end plus twice the run's ``err_max``) and the
        poorest one left. Needs every class in ``live`` to have money.
        """
        val = self.val
        rem = cost
        total = weight
        rem_s = 0.0
        taken: list[int] = []
        pending = live
        while True:
            new: list[int] = []
            keep: list[int] = []
            for i in pending:
                (new if val[keys[i]][0] * weight < rem else keep).append(i)
            if not new:
                break
            # Within a pass the classes taken hold less than rem in all (each less than its weight's
            # share of it), so rem stays within [0, cost] as in a walk in order.
            for i in new:
                v = val[keys[i]]
                wf = weights[i]
                rem -= wf * v[0]
                if slopes:
                    rem_s -= wf * v[2]
                weight -= wf
            taken += new
            pending = keep
            if not pending:
                return None
        err_max = self.err_max
        n_taken = len(taken)
        # Each step is off by at most u * (rem + w * vf) <= 2u * cost (w * vf < rem <= cost), and
        # the exact money of the classes taken by at most err_max * their weight; cost itself by u.
        rem_e = (EPS * cost * (n_taken + 1) + err_max * (total - weight)) * (1 + 4 * EPS)
        q = rem / weight
        q_e = rem_e / weight + EPS * q
        # Every class left surely holds more than the price (low ends are rounded to within u of
        # vf - ve)...
        if min(map(lows.__getitem__, pending)) * (1 - 2 * EPS) <= (q + q_e) * (1 + 2 * EPS):
            return None
        # ... and every class taken surely less: its money is at most vf + ve = low + 2 ve.
        if taken and max(map(lows.__getitem__, taken)) * (1 + 2 * EPS) + 2 * err_max * (1 + 2 * EPS) >= (
            q - q_e
        ) * (1 - 2 * EPS):
            return None
        if not slopes:
            return (q, q_e, 0.0, 0.0), []
        poor = [val[keys[i]] for i in taken]
        # The slopes likewise: exact within the sum of w * vse, each step off by at most
        # 2u * |rem_s| (|rem_s| only grows).
        slope_e = sum(map(mul, map(weights.__getitem__, taken), map(_SLOPE_ERR, poor)))
        rem_se = (slope_e * (1 + (n_taken + 2) * EPS) - EPS * (n_taken + 1) * rem_s) * (1 + 4 * EPS)
        qs = rem_s / weight
        return (q, q_e, qs, rem_se / weight + EPS * abs(qs)), poor

    def keep_poor(self, rho: tuple[float, float, float, float], poor: list[Val]) -> None:
        """The winner's price formula holds while its poor classes stay poor."""
        # keep(q - vf, q_e + ve + EPS * (q + vf), qs - vs, qs_e + vse + EPS * (abs(qs) + abs(vs))) for
        # each poor class, inlined (the same operations; vs >= 0 needs no abs()): a winner has many.
        if not self.parametric or self.limit == 0:
            return
        q, q_e, qs, qs_e = rho
        if self.k is not None:
            # The loop below in C; the kernel's walk lists poor classes by id (see _kernel.c).
            lowest = self.k.keep_poor(self.val, poor, q, q_e, qs, qs_e)
            if lowest < 0:
                self.limit = 0
            elif lowest < self.limit:
                self.limit = min(self.limit, math.floor(lowest))
            return
        aqs = abs(qs)
        # min over the classes of floor(x) is floor of the min x: take floor once.
        lowest = math.inf
        for vf, ve, vs, vse in poor:
            slope_low = (qs - vs) - (qs_e + vse + EPS * (aqs + vs))
            if slope_low >= 0:
                continue
            value_low = (q - vf) - (q_e + ve + EPS * (q + vf))
            if value_low <= 0:
                self.limit = 0
                return
            x = value_low / -slope_low * (1 - 1e-12)
            if x < lowest:
                lowest = x
        if lowest < self.limit:
            self.limit = min(self.limit, math.floor(lowest))

    def go(self) -> MesRun:
        e = self.e
        costs, ranks = e.profile.costs, e.ranks
        node, heap, selected, dropped = self.node, self.heap, self.selected, self.dropped
        while heap:
            self.snaps.append(
                (len(self.created), len(self.drop_log), list(heap), self.limit, node, self.origin)
            )
            evaluated: list[Entry] = []
            exact_rhos: dict[int, tuple[Q, Q]] = {}
            poor_of: dict[int, list[Val]] = {}
            rho_of: dict[int, tuple[float, float, float, float]] = {}
            best_high = math.inf
            rnd = len(selected)
            if self.k is not None:
                # The loop below, in C, up to the walks it leaves to Python (a keep() or a close call).
                packer = partial(e.packed, node)
                while True:
                    status, p, best_high, extra = self.k.evaluate(
                        self.val, heap, node.packed, packer, e.cost_f, e.total_f, self.flat, self.parametric,
                        float(self.limit), self.err_max, best_high, evaluated, rho_of, poor_of, dropped,
                        self.drop_log, rnd,
                    )  # fmt: skip
                    if status == 0:
                        break
                    if status == 1:
                        g0, e0, g1, e1 = extra
                        self.keep(g0, e0, g1, e1, strict=True)
                        dropped[p] = rnd
                        self.drop_log.append(p)
                        continue
                    best_high = self._exact_entry(node, p, evaluated, exact_rhos, rho_of, best_high)
            else:
                while heap and heap[0][0] <= best_high:
                    p = heapq.heappop(heap)[5]
                    try:
                        found = self.walk(node, p)
                    except _Uncertain:
                        best_high = self._exact_entry(node, p, evaluated, exact_rhos, rho_of, best_high)
                        continue
                    if found is None:
                        dropped[p] = rnd
                        self.drop_log.append(p)
                        continue
                    rho, poor_of[p] = found
                    best_high = self._entry(p, rho, evaluated, rho_of, best_high)
            if not evaluated:
                break
            contenders = [x for x in evaluated if x[0] <= best_high]
            exact_keys: dict[int, tuple[Q, Q]] = {}
            shared: set[int] = set()  # contenders priced exactly by equal_share_rho
            if len(contenders) == 1:
                win = contenders[0]
            else:
                # Too close for floats (often an exact tie): compare exactly, ties by the tie-break.
                for x in contenders:
                    p = x[5]
                    if p not in exact_rhos:
                        rho_x = self.equal_share_rho(node, p)
                        if rho_x is None:
                            rho_x = self.exact_walk(node, p)
                            assert rho_x is not None
                        else:
                            shared.add(p)
                        exact_rhos[p] = rho_x
                    exact_keys[p] = (
                        Fraction(exact_rhos[p][0]) / costs[p],
                        Fraction(exact_rhos[p][1]) / costs[p],
                    )
                win_p = min(exact_keys, key=lambda p: (exact_keys[p][0], ranks[p]))
                win = next(x for x in contenders if x[5] == win_p)
            s = win[5]
            for x in evaluated:
                if x is not win:
                    heapq.heappush(heap, x)
            if self.parametric and self.limit != 0:
                if s in exact_rhos and s not in shared:
                    self.exact_walk(node, s, winner=True)
                else:  # (an equal-share winner has no poor class with money to keep poor)
                    self.keep_poor(rho_of[s], poor_of[s])
                before = self.limit
                self.certify(win, heap, exact_keys)
                if self.limit < before:
                    self.order_limit = self.limit
            rnd = len(selected)
            self.rounds.append((s, node))
            if s in exact_rhos:
                self.rho_exact[rnd] = exact_rhos[s]
            self.buy(node, s, rho_of[s])
            selected.append(s)
            node = e.child(node, s)
        rounds: list[MesRound] = []
        if self.details:
            # A run kept for the explanation reports exact prices (scan runs do not need them).
            for rnd, (s, _node) in enumerate(self.rounds):
                rho_x = self.exact_rho_of_round(rnd)
                assert rho_x is not None
                rounds.append(MesRound(s, Fraction(rho_x[0]) / costs[s], rho_x[0]))
        limit = None if self.limit == math.inf else int(self.limit)
        return MesRun(selected, rounds, dropped, limit if self.parametric else None)

    def _entry(
        self,
        p: int,
        rho: tuple[float, float, float, float],
        evaluated: list[Entry],
        rho_of: dict[int, tuple[float, float, float, float]],
        best_high: float,
    ) -> float:
        """Record p's price found in a round: its heap entry (key = price / cost, with error bounds);
        returns the new lowest upper end of a key."""
        rho_of[p] = rho
        cf = self.e.cost_f[p]
        key = rho[0] / cf
        err = rho[1] / cf + 2 * EPS * key
        evaluated.append((key - err, key, err, rho[2] / cf, rho[3] / cf + 2 * EPS * abs(rho[2] / cf), p))
        return min(best_high, key + err)

    def _exact_entry(
        self,
        node: _Node,
        p: int,
        evaluated: list[Entry],
        exact_rhos: dict[int, tuple[Q, Q]],
        rho_of: dict[int, tuple[float, float, float, float]],
        best_high: float,
    ) -> float:
        """A walk too close for floats: p's price exactly (or p dropped), recorded as _entry does."""
        rho_x = self.exact_walk(node, p)
        if rho_x is None:
            self.dropped[p] = len(self.selected)
            self.drop_log.append(p)
            return best_high
        exact_rhos[p] = rho_x
        qf = float(rho_x[0])
        rho = (qf, EPS * qf, float(rho_x[1]), EPS * abs(float(rho_x[1])) + 1e-300)
        return self._entry(p, rho, evaluated, rho_of, best_high)

    def certify(
        self,
        win: tuple[float, float, float, float, float, int],
        heap: list[tuple[float, float, float, float, float, int]],
        exact_keys: dict[int, tuple[Q, Q]],
    ) -> None:
        """Every other project must keep losing to the winner for all t up to the limit.

        keep() for each entry, inlined (the same operations): a round has as many entries as projects
        in play. The caller runs this only while the limit is not 0.
        """
        ranks = self.e.ranks
        s = win[5]
        rank_s = ranks[s]
        _lo, ks, es, ss, ess, _ = win
        s_exact = s in exact_keys
        if self.k is not None and not s_exact:
            # The loop below, in C (unless a bound is too large for doubles to be exact).
            status, found = self.k.certify_heap(heap, ranks, rank_s, ks, es, ss, ess, float(self.limit))
            if status == 1:
                self.limit = found
            if status != 2:
                return
        abs_ss = abs(ss)
        limit = self.limit
        for _lo2, kp, ep, sp, esp, p in heap:
            strict = ranks[p] < rank_s
            if s_exact and p in exact_keys:
                self.limit = limit
                self.keep_exact(
                    exact_keys[p][0] - exact_keys[s][0], exact_keys[p][1] - exact_keys[s][1], strict
                )
                limit = self.limit
            else:
                # keep(kp - ks, ep + es + EPS * (kp + ks), sp - ss, esp + ess + EPS * (|sp| + |ss|))
                slope_low = (sp - ss) - (esp + ess + EPS * (abs(sp) + abs_ss))
                if slope_low >= 0:
                    continue
                value_low = (kp - ks) - (ep + es + EPS * (kp + ks))
                if value_low <= 0:
                    limit = 0
                else:
                    x = value_low / -slope_low * (1 - 1e-12)
                    if x < limit + 1:  # else neither bound below can be under the limit
                        bound = math.ceil(x) - 1 if strict else math.floor(x)
                        if bound < limit:
                            limit = bound
            if limit == 0:
                break
        self.limit = limit

    def buy(self, node: _Node, s: int, rho: tuple[float, float, float, float]) -> None:
        q, q_e, qs, qs_e = rho
        val, low = self.val, self.low
        if self.k is not None:
            self.created.frombytes(self.e.child_packed(node, s))  # as below, a copy of bytes
        else:
            children = self.e.child_ids(node, s)
            self.created.extend(children)
        short = len(self.e.class_key) - len(val)
        if short > 0:  # room for the ids given since (placeholders, set below before any read)
            if self.k is not None:
                cast(Any, val).grow(short)  # low ends too
            else:
                val.extend(repeat(_ZERO, short))
                low.extend(repeat(0.0, short))
        aqs = abs(qs)
        # Every error bound set below (left_e, or EPS * af for an exact value af <= the largest money
        # value <= b + err_max) is at most this; rounded up for its own float operations.
        self.err_max = (self.err_max + q_e + EPS * (self.b_high + self.err_max + q)) * (1 + 4 * EPS)
        # A class with no money keeps none (the general case below, with its values 0.0, gives the
        # same unless q is within its error bound of 0).
        zero_stays = -q < -(q_e + EPS * q)
        # Money values and slopes are >= 0, so abs() of them is the value itself.
        if self.k is not None:
            # The loop below in C; it leaves the close calls (in order) to settle here.
            close = self.k.buy(
                val, self.e.packed(node, s), self.e.child_packed(node, s), q, q_e, qs, qs_e, zero_stays
            )
            for new in close:
                self.settle(new)
            return
        for k, new in zip(self.e.ids(node, s)[0], children, strict=True):
            v = val[k]
            if v is _ZERO and zero_stays:
                val[new] = _ZERO
                low[new] = 0.0
                continue
            vf, ve, vs, vse = v
            left = vf - q
            left_e = ve + q_e + EPS * (vf + q)
            if left < -left_e:
                val[new] = _ZERO
                low[new] = 0.0
            elif left > left_e:
                val[new] = (left, left_e, vs - qs, vse + qs_e + EPS * (vs + aqs))
                low[new] = left - left_e
            else:
                self.settle(new)

    def settle(self, new: int) -> None:
        """A close call in buy(): class ``new``'s money, exactly."""
        val, low = self.val, self.low
        a, sl = self.exact_value(new)
        if a == 0 and sl == 0:
            val[new] = _ZERO
            low[new] = 0.0
        else:
            af, sf = float(a), float(sl)
            val[new] = (af, EPS * abs(af), sf, EPS * abs(sf))
            low[new] = af - EPS * abs(af)
            if low[new] <= 0.0:
                self.flat = True
