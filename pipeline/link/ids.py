"""Node ids minted from labels: a slug, numbered on a clash, unique whatever the labels say."""

from __future__ import annotations


def mint(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... : the first not in ``taken``, which is then taken.

    A plain per-base counter is not enough: the second "plan" becomes ``…plan-2``, which is
    also the slug of a measure labelled "plan 2". Checking every candidate against all ids
    handed out so far keeps them unique, and for the same input order the same.
    """
    mid, k = base, 1
    while mid in taken:
        k += 1
        mid = f"{base}-{k}"
    taken.add(mid)
    return mid
