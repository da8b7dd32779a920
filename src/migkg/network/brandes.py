"""Exact betweenness and brokerage in one pass of Brandes' algorithm, 32 sources at a time, compiled by numba.

igraph (:mod:`.igraph_backend`) runs one breadth-first search per source for betweenness and
another per grouped source for brokerage. Here one search per source gives both (Brandes 2001, with
the dependency accumulated twice: over every target, and over the targets of a group other than the
source's), and the searches run :data:`LANES` sources at a time, as a multi-source breadth-first
search does (Then et al. 2014, "The more the merrier"): each node keeps one bit per source of the
batch (reached or not, on this level or not), so one scan of a node's neighbours serves every source
of the batch that has the node on the level being scanned. The sources of a batch are neighbours in
the reverse Cuthill-McKee order, so most nodes lie on one or two levels for all of them and are
scanned once or twice per batch instead of once per source. The path counts and dependencies are
kept per source (a row of :data:`LANES` floats per node) and added row by row, which the compiler
turns into vector instructions.

A source whose neighbours are those of another node (its *twin*: the same open neighbourhood, or the
same closed one, in the same group) is searched once for the pair, since twins have the same
dependencies (Sariyüce et al. 2013's "identical vertices"). The batches run on every core (numba
``prange``); the values are the same as networkx's and igraph's up to the order of floating-point
summation, and do not depend on the number of cores: the batches are dealt to a fixed number of
blocks whose sums are added in order.

Self-loops are left out (they never lie on a shortest path); paths are counted in ties, not weights.
"""
from __future__ import annotations

import numba
import numpy as np
from numba import njit, prange
from scipy.sparse import csr_array
from scipy.sparse.csgraph import reverse_cuthill_mckee

from migkg.network.ties import Ties

#: the batches are summed in this many blocks, whatever the number of threads (the same sums on any machine)
BLOCKS = 64
#: sources searched together: one bit each in a node's masks, one float each in its rows (measured at 10,000
#: synthetic releases: 32 is faster than 16, whose batches scan more, and than 64, whose rows outgrow the caches)
LANES = 32

_ONE = np.uint64(1)
_NONE = np.uint64(0)


@njit(cache=True, nogil=True, error_model="numpy")
def _batch(sources: np.ndarray, weights: np.ndarray, owners: np.ndarray, indptr: np.ndarray, indices: np.ndarray,
           group: np.ndarray, seen: np.ndarray, reached: np.ndarray, below: np.ndarray, sigma: np.ndarray,
           share: np.ndarray, share_across: np.ndarray, members: np.ndarray, masks: np.ndarray,
           level_start: np.ndarray, total: np.ndarray, total_across: np.ndarray, ones: np.ndarray,
           across: np.ndarray, between: np.ndarray, broker: np.ndarray) -> None:  # pragma: no cover - compiled
    """The breadth-first searches from the batch's ``sources`` (-1: an empty lane); adds each source's
    ``weights`` × its dependencies to ``between`` and ``broker``.

    Forward, level by level: ``members``/``masks`` list each node with the lanes (bit ``b``: source ``b``)
    in which it lies on the level, ``seen`` the lanes that have reached a node, ``reached`` the lanes that
    reach it on the next level; ``sigma[v, b]`` counts the shortest paths from source ``b`` to ``v``.
    Backward, from the deepest level: ``share[v, b] = (1 + δ_b(v)) / σ_b(v)``, so that a node's dependency
    is its own path count times the sum of its successors' shares (``share_across`` likewise for the
    targets in a group other than the source's: ``owners[b]``, the group of source ``b``, -1 for none; ``across``
    the lanes in which the node being summed is such a target; ``ones``, all 1.0);
    ``below`` holds the lanes of the level below the one being summed. Every scratch array is left
    as it was found (zero) except ``share`` and ``share_across``, which are only read where written.
    """
    lanes = sources.shape[0]
    count = 0
    grouped = False
    for b in range(lanes):
        s = sources[b]
        if s >= 0:
            bit = _ONE << np.uint64(b)
            seen[s] |= bit
            sigma[s, b] = 1.0
            members[count] = s
            masks[count] = bit
            count += 1
            grouped |= group[s] >= 0
    level_start[0] = 0
    level_start[1] = count
    level = 0
    while level_start[level + 1] > level_start[level]:
        first_of_next = count
        for i in range(level_start[level], level_start[level + 1]):
            v = members[i]
            on_level = masks[i]
            paths = sigma[v]
            for k in range(indptr[v], indptr[v + 1]):
                w = indices[k]
                new = on_level & ~seen[w]
                if new != _NONE:
                    if reached[w] == _NONE:
                        members[count] = w
                        count += 1
                    reached[w] |= new
                    seen[w] |= new
                ties = on_level & reached[w]
                if ties != _NONE:
                    onward = sigma[w]
                    for b in range(lanes):
                        onward[b] += paths[b] if (ties >> np.uint64(b)) & _ONE else 0.0
        for i in range(first_of_next, count):
            w = members[i]
            masks[i] = reached[w]
            reached[w] = _NONE
        level_start[level + 2] = count
        level += 1
    deepest = level - 1
    for level in range(deepest, 0, -1):
        for i in range(level_start[level + 1], level_start[level + 2]):
            below[members[i]] = masks[i]
        for i in range(level_start[level], level_start[level + 1]):
            v = members[i]
            on_level = masks[i]
            for b in range(lanes):
                total[b] = 0.0
                total_across[b] = 0.0
            for k in range(indptr[v], indptr[v + 1]):
                w = indices[k]
                ties = on_level & below[w]
                if ties != _NONE:
                    onward = share[w]
                    for b in range(lanes):
                        total[b] += onward[b] if (ties >> np.uint64(b)) & _ONE else 0.0
                    if grouped:
                        onward = share_across[w]
                        for b in range(lanes):
                            total_across[b] += onward[b] if (ties >> np.uint64(b)) & _ONE else 0.0
            paths = sigma[v]
            between[v] += _settle(share[v], paths, total, ones, on_level, weights)
            if grouped:
                own = group[v]
                for b in range(lanes):
                    across[b] = 1.0 if (own >= 0) & (owners[b] >= 0) & (own != owners[b]) else 0.0
                broker[v] += _settle(share_across[v], paths, total_across, across, on_level, weights)
        for i in range(level_start[level + 1], level_start[level + 2]):
            below[members[i]] = _NONE
    for i in range(count):
        v = members[i]
        seen[v] = _NONE
        paths = sigma[v]
        for b in range(lanes):
            paths[b] = 0.0


@njit(cache=True, nogil=True, error_model="numpy", inline="always")
def _settle(shares: np.ndarray, paths: np.ndarray, totals: np.ndarray, extra: np.ndarray, on_level: np.uint64,
            weights: np.ndarray) -> float:  # pragma: no cover - compiled
    """A node's dependencies in the lanes ``on_level``: ``totals`` (the sums of its successors' shares) become
    the dependencies, and ``shares`` take ``(extra + dependency) / paths`` in those lanes; returns the
    dependencies weighed by the sources' ``weights``. Every lane is computed (so that the loop runs on vectors)
    and only those on the level are kept."""
    for b in range(paths.shape[0]):
        dependency = paths[b] * totals[b]
        mine = (extra[b] + dependency) / paths[b]
        here = (on_level >> np.uint64(b)) & _ONE
        totals[b] = dependency if here else 0.0
        shares[b] = mine if here else shares[b]
    added = 0.0
    for b in range(paths.shape[0]):
        added += weights[b] * totals[b]
    return added


@njit(cache=True, parallel=True)
def _blocks(indptr: np.ndarray, indices: np.ndarray, group: np.ndarray, batches: np.ndarray, weights: np.ndarray,
            owners: np.ndarray, blocks: int, threads: int) -> tuple[np.ndarray, np.ndarray]:  # pragma: no cover
    """Block ``k`` searches batches ``k``, ``k + blocks``, … in that order, on whichever of the ``threads``
    (numba's number of threads) is free, with that thread's scratch arrays; returns each block's sums."""
    n = indptr.shape[0] - 1
    lanes = batches.shape[1]
    seen = np.zeros((threads, n), dtype=np.uint64)
    reached = np.zeros((threads, n), dtype=np.uint64)
    below = np.zeros((threads, n), dtype=np.uint64)
    sigma = np.zeros((threads, n, lanes))
    share = np.zeros((threads, n, lanes))
    share_across = np.zeros((threads, n, lanes))
    members = np.empty((threads, n * lanes + 1), dtype=np.int32)
    masks = np.empty((threads, n * lanes + 1), dtype=np.uint64)
    level_start = np.empty((threads, n + 2), dtype=np.int64)
    total = np.empty((threads, lanes))
    total_across = np.empty((threads, lanes))
    ones = np.ones((threads, lanes))
    across = np.empty((threads, lanes))
    between = np.zeros((blocks, n))
    broker = np.zeros((blocks, n))
    for block in prange(blocks):
        t = numba.get_thread_id()
        for i in range(block, batches.shape[0], blocks):
            _batch(batches[i], weights[i], owners[i], indptr, indices, group, seen[t], reached[t], below[t],
                   sigma[t], share[t], share_across[t], members[t], masks[t], level_start[t], total[t],
                   total_across[t], ones[t], across[t], between[block], broker[block])
    return between, broker


def twin_sources(indptr: np.ndarray, indices: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sources to search from and how many nodes each stands for: one per class of twins (same group and
    the same open or closed neighbourhood), the first in node order.

    Only nodes whose neighbourhood has the same size and sums of ids (and of squared ids) as another node's
    can be twins; only theirs are compared as sets.
    """
    n = indptr.shape[0] - 1
    ids = indices.astype(np.float64)
    degree = np.diff(indptr)
    row = np.repeat(np.arange(n), degree)  # the node each neighbour is listed for
    sums = np.bincount(row, weights=ids, minlength=n)
    squares = np.bincount(row, weights=ids * ids, minlength=n)
    own = np.arange(n, dtype=np.float64)
    weight = np.ones(n)
    first: dict[tuple[int, bool, frozenset[int]], int] = {}
    for closed, signature in ((False, (degree, sums, squares)), (True, (degree + 1, sums + own, squares + own * own))):
        keys = np.stack([group.astype(np.float64), *(np.asarray(part, dtype=np.float64) for part in signature)], axis=1)
        _, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
        for v in np.flatnonzero(counts[inverse.ravel()] > 1).tolist():
            if weight[v] == 0.0:
                continue
            neighbours = frozenset(indices[indptr[v]:indptr[v + 1]].tolist())
            representative = first.setdefault((int(group[v]), closed, neighbours | {v} if closed else neighbours), v)
            if representative != v:
                weight[representative] += weight[v]
                weight[v] = 0.0
    sources = np.flatnonzero(weight).astype(np.int32)
    return sources, weight[sources]


def batches(indptr: np.ndarray, indices: np.ndarray, group: np.ndarray, sources: np.ndarray, weights: np.ndarray,
            lanes: int = LANES) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sources cut into batches of ``lanes`` neighbours in the reverse Cuthill-McKee order (-1: an empty
    lane), each lane's weight, and each lane's source's group (-1: none, or an empty lane)."""
    if not 1 <= lanes <= 64:
        raise ValueError(f"lanes={lanes}: a batch holds 1 to 64 sources (one bit each of a node's masks)")
    n = indptr.shape[0] - 1
    adjacency = csr_array((np.ones(len(indices), dtype=np.int8), indices, indptr), shape=(n, n))
    is_source = np.zeros(n, dtype=bool)
    is_source[sources] = True
    weight_of = np.zeros(n)
    weight_of[sources] = weights
    order = reverse_cuthill_mckee(adjacency, symmetric_mode=True)
    ordered = order[is_source[order]]
    count = -(-len(ordered) // lanes)
    padded = np.full(count * lanes, -1, dtype=np.int32)
    padded[:len(ordered)] = ordered
    lane_sources = padded.reshape(count, lanes)
    lane_weights = np.where(lane_sources >= 0, weight_of[lane_sources], 0.0)
    owners = np.where(lane_sources >= 0, group[lane_sources], -1).astype(np.int32)
    return lane_sources, lane_weights, owners


def pair_dependencies(ties: Ties, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each node (in ``ties.nodes``' order), the sum over ordered pairs (s, t) of the share of shortest
    s–t paths through it: over all pairs, and over the pairs whose ends are in different groups (``group``:
    each node's group number, -1 for none; a node without one is never an end of such a pair)."""
    if not ties.nodes:
        return np.zeros(0), np.zeros(0)
    indptr, indices = ties.adjacency()
    sources, weights = twin_sources(indptr, indices, group)
    lane_sources, lane_weights, owners = batches(indptr, indices, group, sources, weights)
    between, broker = _blocks(indptr, indices, group, lane_sources, lane_weights, owners, BLOCKS,
                              numba.get_num_threads())
    return between.sum(axis=0), broker.sum(axis=0)
