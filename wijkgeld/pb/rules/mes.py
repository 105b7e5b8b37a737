"""The Method of Equal Shares (MES), exact, as ``pabutools.rules.method_of_equal_shares``.

Every voter gets an equal share ``b`` of the budget. In each round, for every project still in play,
MES finds the lowest price per unit of utility ``rho`` at which its supporters can pay for it, each
paying ``min(own money, rho * utility)``. The project with the lowest ``rho`` is bought (ties by the
tie-break order), its supporters pay, and the next round starts. Projects whose supporters together
hold less than the cost are dropped. With cost utilities (``Cost_Sat``) ``rho`` is the price each
supporter pays divided by the project cost; with points it is the price per point.

How this stays fast and exact (see docs/algorithms/mes.md):

* Ballot types. Voters with the same ballot always hold the same money, so the engine works on
  weighted ballot types, never on single voters.
* Money classes. A voter's money depends only on which bought projects they supported (and with which
  utility). Types are grouped into classes keyed by that set (a bit mask); per project the engine keeps
  how much supporter weight sits in each class. This grouping depends on the bought projects only, not
  on ``b``, so it is cached in a trie shared by all runs of a completion (Add1 reruns MES many times
  along mostly the same path).
* Lazy evaluation. ``rho`` of a project never falls within a run, so the last computed ``rho`` is a
  lower bound; a heap re-evaluates only projects whose bound can still win.
* Exact numbers. Money is ``int``/``Fraction``; floats appear only as sort keys that are exact by
  construction (``float(x) < float(y)`` implies ``x < y``) and as a guarded fast path.
* Parametric runs. Money is kept as an affine function ``a + s*t`` of a step count ``t`` (``b`` grows by
  ``step`` per ``t``). Every decision is taken at ``t = 0``, exactly as a plain run; along the way the
  run computes the largest ``T`` such that every decision stays the same for ``t = 0..T``. All those
  budgets then give the same outcome, and a completion can jump ``T + 1`` steps at once. This is
  still the scan over increments that the reference defines, not a bisection.
"""

from __future__ import annotations

import heapq
import struct
from array import array
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, cast

from ..profile import Profile

Q = int | Fraction
# A class in packed lists (MesEngine.packed): its id (Py_ssize_t), then, after all ids, its weight.
PACKED_CLASS = struct.calcsize("n") + struct.calcsize("d")
# The widest class key (in bits, one per project) the compiled kernel's ClassTable takes.
KERNEL_BITS = 64 * 64
# Margin for the float fast path; float(x) is within 2**-53 relative of x, so 1e-12 is far beyond it.
_SAFE = 1.0 + 1e-12


@dataclass(slots=True)
class _Node:
    """The money classes after a set of bought projects (``sel``, a bit mask of bought projects).

    Per project, the supporter weight in each class is computed on first use from ``tc``, the class
    of every ballot type here: a round evaluates only a few projects, so this is far cheaper than
    updating every project each time something is bought.
    """

    sel: int
    #: cost utilities: the class id of every ballot type here (MesEngine.class_id; a list, or the
    #: compiled kernel's packed int32 array). Made with the node from its parent's (see child).
    tc: Any = None
    #: hist[p] maps (class key, utility) -> weight of p's supporters in that class.
    hist: dict[int, dict[tuple[int, Q], int]] = field(default_factory=dict)
    #: cost utilities: p's classes as class ids (MesEngine.class_id) and float weights
    ids: dict[int, tuple[list[int], list[float]]] = field(default_factory=dict)
    #: per project s, the ids of the classes that ids[s]'s classes become when s is bought
    child_ids: dict[int, list[int]] = field(default_factory=dict)
    #: the compiled kernel's copy of ids[p] (kernel.py), made on first use
    packed: dict[int, bytes] = field(default_factory=dict)
    #: the compiled kernel's copy of child_ids[s], made on first use
    child_packed: dict[int, bytes] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Dropped:
    """The supporters' money falls short of the cost by ``rem`` (value at t=0, slope)."""

    rem: tuple[Q, Q]


Item = tuple[tuple[Q, Q], Q, int]  # ((money at t=0, slope), utility, weight) of one class


def exact_rho(items: list[Item], cost: Q, total: Q) -> tuple[tuple[Q, Q], list[Item]] | Dropped:
    """The exact MES price per unit of utility for one project, as the reference computes it.

    Supporters are taken from the poorest (money per utility) up; whoever cannot pay ``rho * u`` pays
    everything, and ``rho`` is what the others must each pay per unit of utility to cover the rest.
    Returns ``((rho, slope of rho), poor classes)`` or ``Dropped`` when the money does not suffice.
    """
    items = sorted(items, key=lambda item: Fraction(item[0][0]) / item[1])
    rem_a: Q = cost
    rem_s: Q = 0
    utl: Q = total
    poor: list[Item] = []
    for item in items:
        (a, s), u, w = item
        if rem_a * u <= a * utl:
            break
        poor.append(item)
        rem_a -= w * a
        rem_s -= w * s
        utl -= w * u
    else:
        return Dropped((rem_a, rem_s))
    return (Fraction(rem_a) / utl, Fraction(rem_s) / utl), poor


@dataclass(slots=True)
class MesRound:
    project: int
    rho: Q  # price per unit of utility (cost utilities: share per supporter / cost)
    share: Q  # cost utilities: what each supporter who could afford it paid


@dataclass(slots=True)
class MesRun:
    selected: list[int]
    rounds: list[MesRound]
    #: round (0-based, = number of projects bought before) in which a project was found unaffordable
    dropped: dict[int, int]
    #: outcome is the same for budgets b + step*t, t = 0..steps_same (None: for every t >= 0)
    steps_same: int | None


class MesEngine:
    """MES on one profile. Keep one engine for all runs of a completion: it caches the class trie."""

    def __init__(self, profile: Profile, ranks: list[int], candidates: list[int]) -> None:
        self.profile = profile
        self.ranks = ranks
        self.candidates = candidates
        if profile.utility == "cost":
            self._cost_classes(profile, candidates)
        else:
            self._point_classes(profile, candidates)
        # The kernel this engine, its runs and its proofs use (nodes' ``tc`` are in its format). Its
        # class table holds keys of up to 4,096 bits: an election with more projects counts in Python.
        key_bits = max(self.sbits, default=0).bit_length()
        self.k = kernel.active if profile.utility == "cost" and key_bits < KERNEL_BITS else None
        self.root = _Node(0)
        # Small ids for class keys (bit masks grow to ~100 bits, whose hashing dominated dict
        # lookups in the float run); class 0 has id 0. Ids are shared by all runs.
        self.class_id: dict[int, int] = {0: 0}
        #: class keys by id: a list, or with the compiled kernel its ClassTable, read as one
        self.class_key: Any = [0]
        if profile.utility == "cost":
            num_types = len(profile.weights)
            if self.k is not None:
                self.root.tc = bytes(4 * num_types)  # int32 class ids, all 0
                # Per candidate its supporter types (int32), and per type its weight, for the kernel.
                self.packed_types = {p: array("i", self.supp_types[p]).tobytes() for p in candidates}
                self.packed_weights = array("d", profile.weights).tobytes()
                self.class_key = self.k.ClassTable(key_bits)
            else:
                self.root.tc = [0] * num_types
        self.last_fast: FastRun | None = None  # the last parametric float run, to resume from
        # The float run's heap before its first round (built by the first run that needs it).
        self.first_heap: list[tuple[float, float, float, float, float, int]] | None = None
        # Nodes by the set of bought projects: the classes do not depend on the order of buying.
        self.nodes: dict[int, _Node] = {0: self.root}
        # scale turns rho into the reference's comparison key: Cost_Sat utility is the cost itself.
        self.cost_f = [float(c) for c in profile.costs]
        self.weights_f = [float(w) for w in profile.weights]
        self.total_f = [float(x) for x in profile.total_utility]
        self.scale: list[Q] = [
            (profile.costs[p] if profile.utility == "cost" else 1) for p in range(profile.num_projects)
        ]

    def _cost_classes(self, profile: Profile, candidates: list[int]) -> None:
        """Cost utilities: every listed project has utility 1, so a project's bit is its bit in the
        profile's type masks (bit p for project p) and the supporters are the profile's."""
        cand_mask = sum(1 << p for p in candidates)
        self.bit_of: dict[tuple[int, Q], int] = {(p, 1): 1 << p for p in candidates}
        self.sbits = [1 << p if (p, 1) in self.bit_of else 0 for p in range(profile.num_projects)]
        self.masks = list(map(cand_mask.__and__, profile.type_masks))
        self.supp_types = {p: profile.supporters[p] for p in candidates}
        # Per candidate: its supporters as (type, utility), for the exact run (built on first use).
        self._supp: dict[int, list[tuple[int, Q]]] | None = None

    def _point_classes(self, profile: Profile, candidates: list[int]) -> None:
        """Point utilities: one bit per (project, utility) pair, so a class key also tells what each
        voter paid. Bits go to pairs in order of first appearance. One pass over the ballot types
        builds the bits, each type's mask and each candidate's supporters."""
        cand = set(candidates)
        bit_of: dict[tuple[int, Q], int] = {}
        sbits = [0] * profile.num_projects
        masks = [0] * len(profile.items)
        supp: dict[int, list[tuple[int, Q]]] = {p: [] for p in candidates}
        supp_types: dict[int, list[int]] = {p: [] for p in candidates}
        for t, key in enumerate(profile.items):
            mask = 0
            for pu in key:
                p = pu[0]
                if p in cand:
                    bit = bit_of.get(pu)
                    if bit is None:
                        bit = bit_of[pu] = 1 << len(bit_of)
                        sbits[p] |= bit
                    mask |= bit
                    supp[p].append((t, pu[1]))
                    supp_types[p].append(t)
            masks[t] = mask
        self.bit_of, self.sbits, self.masks = bit_of, sbits, masks
        self.supp_types, self._supp = supp_types, supp

    @property
    def supp(self) -> dict[int, list[tuple[int, Q]]]:
        """Per candidate: its supporters as (ballot type, utility)."""
        if self._supp is None:
            self._supp = {p: [(t, 1) for t in types] for p, types in self.supp_types.items()}
        return self._supp

    def child(self, node: _Node, s: int) -> _Node:
        """The node after also buying ``s`` (shared by every run that reaches the same bought set).

        A new node's type classes are its parent's, with s's supporter types moved to their classes'
        children: only they change class when s is bought.
        """
        new_sel = node.sel | self.sbits[s]
        found = self.nodes.get(new_sel)
        if found is None:
            found = self.nodes[new_sel] = _Node(new_sel)
            if node.tc is not None:
                if self.k is not None:  # as below, in C
                    packed, children = self.packed(node, s), self.child_packed(node, s)
                    found.tc = self.k.child_tc(node.tc, self.packed_types[s], packed, children)
                else:
                    old, new = self.ids(node, s)[0], self.child_ids(node, s)
                    moves = dict(zip(old, new, strict=True))
                    tc = found.tc = list(node.tc)
                    for t in self.supp_types[s]:
                        tc[t] = moves[tc[t]]
        return found

    def trim_nodes(self, keep_at_most: int) -> None:
        """Forget the cached nodes off the last run's path once there are more than ``keep_at_most``.

        A node caches every project's classes it was asked for: on Budapest 2024 (thousands of classes
        per project, hundreds of outcomes along the scan) the cache grew past 1 GB. A node holds
        nothing but what follows from its bought set (class ids are the engine's), so a forgotten
        node is simply built again when needed; the last run's path stays, as the next run resumes
        from it.
        """
        if len(self.nodes) <= keep_at_most:
            return
        kept = {0: self.root}
        if self.last_fast is not None:
            for _s, node in self.last_fast.rounds:
                kept[node.sel] = node
        self.nodes = kept

    def intern(self, key: int) -> int:
        """The id of class ``key``, given on first sight."""
        if self.k is not None:
            return cast(int, self.class_key.intern(key))
        found = self.class_id.get(key)
        if found is None:
            found = self.class_id[key] = len(self.class_key)
            self.class_key.append(key)
        return found

    def hist(self, node: _Node, p: int) -> dict[tuple[int, Q], int]:
        """Supporter weight of ``p`` per (class, utility) at ``node``."""
        found = node.hist.get(p)
        if found is None:
            sel, masks, weights = node.sel, self.masks, self.profile.weights
            found = {}
            for t, u in self.supp[p]:
                key = (masks[t] & sel, u)
                found[key] = found.get(key, 0) + weights[t]
            node.hist[p] = found
        return found

    def class_lists(self, node: _Node, p: int) -> tuple[list[int], list[int]]:
        """Cost utilities: p's supporter classes at ``node`` (keys) and their weights, straight from
        the ballot types' masks (tests compare ``ids`` with these)."""
        sel, masks, weights = node.sel, self.masks, self.profile.weights
        acc: dict[int, int] = {}
        get = acc.get
        for t in self.supp_types[p]:
            k = masks[t] & sel
            acc[k] = get(k, 0) + weights[t]
        return list(acc), list(acc.values())

    def ids(self, node: _Node, p: int) -> tuple[list[int], list[float]]:
        """Cost utilities: p's classes at ``node`` as class ids, in order of first appearance among
        its supporter types, with their weights as floats (whole numbers, exact); cached on the node
        for every run and bounds proof. One pass over p's supporters, reading their classes from the
        node's ``tc``."""
        found = node.ids.get(p)
        if found is None:
            if not node.sel:  # before anything is bought, every supporter is in class 0
                found = node.ids[p] = ([0], [self.total_f[p]])
                return found
            if self.k is not None:
                # The kernel works on packed lists (see packed); these are made from them if asked.
                packed = self.packed(node, p)
                count = len(packed) // PACKED_CLASS
                both = struct.unpack(f"{count}n{count}d", packed)
                found = node.ids[p] = (list(both[:count]), list(both[count:]))
                return found
            tc, weights = node.tc, self.profile.weights
            acc: dict[int, int] = {}
            get = acc.get
            for t in self.supp_types[p]:
                c = tc[t]
                acc[c] = get(c, 0) + weights[t]
            found = node.ids[p] = (list(acc), list(map(float, acc.values())))
        return found

    def packed(self, node: _Node, p: int) -> bytes:
        """``ids(node, p)`` packed for the compiled kernel (class ids, then weights), made once per node."""
        found = node.packed.get(p)
        if found is None:
            assert self.k is not None
            if not node.sel:
                found = struct.pack("nd", 0, self.total_f[p])  # every supporter in class 0
            else:  # as ids() does it, in C
                found = self.k.tc_pack(node.tc, self.packed_types[p], self.packed_weights)
            node.packed[p] = found
        return cast(bytes, found)

    def child_packed(self, node: _Node, s: int) -> bytes:
        """``child_ids(node, s)`` packed for the compiled kernel (int64), made once per node."""
        found = node.child_packed.get(s)
        if found is None:
            assert self.k is not None
            # child_ids() in C, on the packed lists and the ClassTable (cost utilities: s's bit is s)
            found = node.child_packed[s] = self.class_key.child_ids(self.packed(node, s), s)
        return cast(bytes, found)

    def child_ids(self, node: _Node, s: int) -> list[int]:
        """The ids of the classes that s's supporter classes at ``node`` become when s is bought."""
        found = node.child_ids.get(s)
        if found is None:
            if self.k is not None:
                made = node.child_ids[s] = memoryview(self.child_packed(node, s)).cast("q").tolist()
                return made
            bit, key, class_id = self.sbits[s], self.class_key, self.class_id
            found = []
            for k in self.ids(node, s)[0]:
                new = key[k] | bit
                i = class_id.get(new)
                if i is None:  # as intern(new), inlined: most children are new
                    i = class_id[new] = len(key)
                    key.append(new)
                found.append(i)
            node.child_ids[s] = found
        return found

    def run(
        self,
        b: Q,
        step: Q = 0,
        *,
        parametric: bool = False,
        exact: bool = False,
        details: bool = True,
        at: int | None = None,
    ) -> MesRun:
        """One MES run with ``b`` per voter. With ``parametric``, also compute ``steps_same`` for ``step``.

        Cost utilities use the float-filtered run (same decisions, proven); ``exact=True`` forces the
        plain exact run, which tests use as the oracle. ``details=False`` skips the exact prices per
        round (``rounds`` is then empty); parametric runs never report them. ``at``, if given, says
        that ``b`` lies ``at`` steps from one origin shared by every run that gives ``at`` (a scan's
        k): distances between runs are then whole numbers, without Fraction arithmetic.
        """
        if self.profile.utility == "cost" and not exact:
            run = FastRun(self, b, step, parametric, at)
            run.details = details and not parametric
            prev = self.last_fast
            if parametric and prev is not None and prev.step == step:
                tau = prev.whole_steps_to(b, at)
                if tau is not None and tau > 0:
                    self.last_fast = None  # the new run takes over prev's state (see resume_from)
                    run.resume_from(prev, tau)
            result = run.go()
            if parametric:
                self.last_fast = run
            return result
        return _Run(self, b, step, parametric).go()


class _Run:
    def __init__(self, engine: MesEngine, b: Q, step: Q, parametric: bool) -> None:
        self.e = engine
        self.val_a: dict[int, Q] = {0: b}
        self.val_s: dict[int, Q] = {0: step}
        self.val_f: dict[int, float] = {0: float(b)}
        self.parametric = parametric
        self.limit: int | None = None  # largest t for which every decision so far stays the same

    def cap(self, t: int) -> None:
        if self.limit is None or t < self.limit:
            self.limit = max(t, 0)

    def keep_nonneg(self, g0: Q, g1: Q, strict: bool = False) -> None:
        """Record that ``g0 + g1*t`` must stay >= 0 (> 0 if strict); g0 >= 0 (> 0) holds at t = 0."""
        if not self.parametric or g1 >= 0 or self.limit == 0:
            return
        x = Fraction(g0) / -g1
        whole = x.numerator // x.denominator
        if strict and whole == x:
            whole -= 1
        self.cap(whole)

    def walk(self, node: _Node, p: int, winner: bool = False) -> tuple[Q, Q] | None:
        """Exact ``rho`` of ``p`` as (value at t=0, slope in t), or None if unaffordable.

        The formula found at t = 0 is a lower bound on the price for every t (poor supporters pay at
        most all they have); only for the winner must it stay exact, so only the winner's poor
        supporters are required to stay poor.
        """
        prof = self.e.profile
        val_a, val_s = self.val_a, self.val_s
        items = [((val_a[k], val_s[k]), u, w) for (k, u), w in self.e.hist(node, p).items()]
        result = exact_rho(items, prof.costs[p], prof.total_utility[p])
        if isinstance(result, Dropped):
            # Supporters hold less than the cost; it stays so while their money grows slower than rem.
            self.keep_nonneg(result.rem[0], result.rem[1], strict=True)
            return None
        rho, poor = result
        if winner and self.parametric:
            for (a, s), u, _w in poor:
                self.keep_nonneg(rho[0] * u - a, rho[1] * u - s)
        return rho

    def go(self) -> MesRun:
        e = self.e
        ranks, scale = e.ranks, e.scale
        node = e.root
        heap: list[tuple[float, Q, int, int]] = []
        slope: dict[int, Q] = {}
        for p in e.candidates:
            key: Q = Fraction(e.profile.costs[p]) / e.profile.total_utility[p] / scale[p]
            heap.append((float(key), key, ranks[p], p))
            slope[p] = 0  # a lower bound needs no slope until it has been computed once
        heapq.heapify(heap)
        selected: list[int] = []
        rounds: list[MesRound] = []
        dropped: dict[int, int] = {}
        while heap:
            best: tuple[float, Q, int, int] | None = None
            best_rho: tuple[Q, Q] = (0, 0)
            evaluated: list[tuple[float, Q, int, int]] = []
            while heap:
                top = heap[0]
                if best is not None and top > best:
                    break
                heapq.heappop(heap)
                p = top[3]
                rho = self.walk(node, p)
                if rho is None:
                    dropped[p] = len(selected)
                    continue
                key = Fraction(rho[0]) / scale[p]
                slope[p] = Fraction(rho[1]) / scale[p]
                entry: tuple[float, Q, int, int] = (float(key), key, ranks[p], p)
                evaluated.append(entry)
                if best is None or entry < best:
                    best, best_rho = entry, rho
            if best is None:
                break
            s = best[3]
            for entry in evaluated:
                if entry is not best:
                    heapq.heappush(heap, entry)
            if self.parametric and self.limit != 0:
                self.walk(node, s, winner=True)
                # Every other project must keep losing to s (a stale key is a lower bound on its rho).
                ks, ss = best[1], slope[s]
                for _f, kp, rp, p in heap:
                    self.keep_nonneg(kp - ks, slope[p] - ss, strict=rp < ranks[s])
            self.buy(node, s, best_rho)
            selected.append(s)
            share = best_rho[0] if e.profile.utility == "cost" else 0
            rounds.append(MesRound(s, best[1], share))
            node = e.child(node, s)
        return MesRun(selected, rounds, dropped, self.limit if self.parametric else None)

    def buy(self, node: _Node, s: int, rho: tuple[Q, Q]) -> None:
        e = self.e
        rho_a, rho_s = rho
        val_a, val_s, val_f = self.val_a, self.val_s, self.val_f
        bit_of = e.bit_of
        for k, u in e.hist(node, s):
            new_key = k | bit_of[(s, u)]
            a = val_a[k]
            left = a - rho_a * u
            if left < 0:  # could not pay the full share: pays everything it has
                val_a[new_key], val_s[new_key], val_f[new_key] = 0, 0, 0.0
            else:
                val_a[new_key] = left
                val_s[new_key] = val_s[k] - rho_s * u
                val_f[new_key] = float(left)


# At the end: mes_fast builds on the definitions above.
from . import kernel  # noqa: E402
from .mes_fast import FastRun  # noqa: E402
