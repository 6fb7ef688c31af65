"""What cannot name a measure, title a document or be a commitment; what a shown name is like."""

from __future__ import annotations

import functools
import re

from pipeline import paths
from pipeline.lexicon.tables import read_patterns, read_table

MEASURE_NAMES = paths.LEXICON_DATA / "measure_names.tsv"
NAME_KINDS = ("amount", "dated", "person", "fragment", "anaphor")
NOT_TITLES = paths.LEXICON_DATA / "not_titles.tsv"
TITLE_KINDS = ("agenda", "chrome", "remark")
NOT_COMMITMENTS = paths.LEXICON_DATA / "not_commitments.tsv"
COMMITMENT_KINDS = ("personnel", "elsewhere", "claim")


@functools.cache
def _names() -> dict[str, re.Pattern[str]]:
    return read_patterns(MEASURE_NAMES, NAME_KINDS)


@functools.cache
def _titles() -> dict[str, re.Pattern[str]]:
    return read_patterns(NOT_TITLES, TITLE_KINDS)


@functools.cache
def _not_commitments() -> dict[str, re.Pattern[str]]:
    return read_patterns(NOT_COMMITMENTS, COMMITMENT_KINDS)


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:")


def unusable(name: str) -> str | None:
    """Why ``name`` reads as no measure's name (a kind of measure_names.tsv), or None."""
    text = _tidy(name)
    return next((kind for kind, rx in _names().items() if rx.search(text)), None)


def not_title(line: str) -> str | None:
    """Why ``line`` is no document's title (a kind of not_titles.tsv), or None."""
    # Case is kept: a party's letters ("V och MP") are what makes a remark line.
    text = " ".join(line.split()).strip(" ,;:")
    return next((kind for kind, rx in _titles().items() if rx.fullmatch(text)), None)


def not_commitment(sentence: str) -> str | None:
    """Why a sentence is never a commitment (a post changes hands, a neighbour acts), or None."""
    return next((kind for kind, rx in _not_commitments().items() if rx.search(sentence)), None)


NAME_SHAPES = paths.LEXICON_DATA / "name_shapes.tsv"
SHAPE_KINDS = ("head", "suffix", "no_open", "may_open", "close")


@functools.cache
def name_shapes() -> dict[str, frozenset[str]]:
    """What a name shown to a reader looks like (lexicon/data/name_shapes.tsv), by kind."""
    return read_table(NAME_SHAPES, SHAPE_KINDS)


BARE_TITLES = paths.LEXICON_DATA / "bare_titles.tsv"


@functools.cache
def _bare() -> dict[str, re.Pattern[str]]:
    return read_patterns(BARE_TITLES, ("meeting",))


def bare_title(title: str) -> bool:
    """Whether a printed title says only when a meeting was (lexicon/data/bare_titles.tsv)."""
    return bool(_bare()["meeting"].fullmatch(" ".join(title.split()).strip(" .,;:")))
