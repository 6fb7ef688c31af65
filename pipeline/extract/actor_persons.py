"""Rule-based person finding: names with a party, a title, a signature block or a function."""

from __future__ import annotations

import re

from pipeline.lexicon.gazetteers import (
    CAP_STOP,
    NOUN_ENDINGS,
    is_org_word,
    load,
    party_abbrev,
    role_of,
)
from pipeline.records import Actor

UP = "A-ZÅÄÖÉÜØÆ"
LOW = "a-zåäöéüøæáèíóúëï"
WORD = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"
PARTICLE = r"(?:von|af|van|de|der|al|el|di|da|la|bin)"
NAME = rf"{WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{WORD}){{0,3}}"
PARTY_RE = re.compile(
    rf"(?<![\w-])(?P<name>{NAME})(?P<mfl>[ \t]*,?[ \t]*m\.?[ \t]?fl\.?,?)?[ \t]*"
    rf"\([ \t]*(?P<party>[A-Za-zÄä]{{1,3}})[ \t]*\)"
)
NAME_LINE_RE = re.compile(
    rf"^(?P<name>{NAME})(?:[ \t]*\([ \t]*(?P<party>[A-Za-zÄä]{{1,3}})[ \t]*\))?"
    rf"(?:[ \t]*,[ \t]*(?P<role>[{UP}{LOW} -]{{3,40}}?))?(?:[ \t]+\d[\d-]*)?$"
)
TITLE_NAME_RE = re.compile(rf"(?<![\w-])(?P<title>[{UP}{LOW}]{{4,}})[ \t]+(?P<name>{NAME})")
ROLE_AFTER_RE = re.compile(rf"[ \t]*,[ \t]*(?P<role>[{LOW} ]{{3,40}}?)[ \t]*(?:[,.;:\n)]|$)")
FUNCTION_RE = re.compile(r"\b(från|av)\s+$|\b(från|av)\s+[^.\n]{0,120}?(?:,|\boch)\s*$")
DOC_FUNCTIONS = (
    ("interpellation", "interpellant"),
    ("medborgarförslag", "förslagsställare"),
    ("motion", "motionär"),
    ("fråga", "frågeställare"),
    ("skrivelse", None),
)
ADDRESS_RE = re.compile(
    r"\b(\w*borgarrådet|\w*kommunalrådet|\w*oppositionsrådet|\w*regionrådet|"
    r"kommunstyrelsens ordförande|nämndens ordförande)\b",
    re.IGNORECASE,
)
_MARKUP_RE = re.compile(r"</?b>|\*\*|^#+\s*|\\$")


def _name_tokens_ok(tokens: list[str]) -> bool:
    """A plausible personal name: no body, place, title or stop word among its tokens."""
    g = load()
    for tok in tokens:
        base = tok.split("-")[0]
        if tok in CAP_STOP or role_of(tok) or is_org_word(tok) or tok in g.party_names:
            return False
        if tok in g.places and tok not in g.first_names:
            return False
        if base.isupper():
            return False
    return not any(t.lower().endswith(NOUN_ENDINGS) and t not in g.first_names for t in tokens)


def _peel(name: str, start: int) -> tuple[str, int, str | None]:
    """Strip leading titles or stop words from a captured name; return the title if any."""
    tokens = name.split()
    role: str | None = None
    g = load()
    while len(tokens) > 1:
        first = tokens[0]
        r = role_of(first)
        noun = first.lower().endswith(NOUN_ENDINGS) and first not in g.first_names
        if (
            r
            or noun
            or first in CAP_STOP
            or (len(tokens) > 2 and first not in g.first_names and tokens[1] in g.first_names)
        ):
            role = r or role
            cut = name.index(tokens[1], len(first))
            start += cut
            name = name[cut:]
            tokens = tokens[1:]
            continue
        break
    return name, start, role


def _function_role(text: str, start: int) -> str | None:
    """interpellant/motionär/frågeställare from 'Interpellation från X', 'inlämnad av X'."""
    window = text[max(0, start - 200) : start]
    cut = max(window.rfind(". "), window.rfind("\n\n"))
    window = window[cut + 1 :] if cut >= 0 else window
    m = FUNCTION_RE.search(window)
    if not m:
        return None
    before = window[: m.start()].lower()
    best: tuple[int, str | None] | None = None
    for key, role in DOC_FUNCTIONS:
        pos = before.rfind(key)
        if pos >= 0 and (best is None or pos > best[0]):
            best = (pos, role)
    if best is None:
        return None
    if best[1] is None:
        return "frågeställare" if "frågeställar" in text.lower() else None
    return best[1]


def _clean_lines(text: str) -> list[tuple[int, str]]:
    """Each line's start offset and its text with markup removed and spaces trimmed."""
    out: list[tuple[int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        cleaned = _MARKUP_RE.sub("", raw.strip()).strip()
        out.append((pos, cleaned))
        pos += len(raw) + 1
    return out


def _signature_persons(text: str) -> list[Actor]:
    """Names on their own line, with a title line after them or a label line before them."""
    lines = [(o, t) for o, t in _clean_lines(text) if t]
    g = load()
    found: list[Actor] = []
    used: set[int] = set()

    def person_at(i: int) -> tuple[Actor, bool] | None:
        off, line = lines[i]
        m = NAME_LINE_RE.match(line)
        if not m:
            return None
        name, _, title = _peel(m.group("name"), 0)
        tokens = name.split()
        if len(tokens) < 2 or len(tokens) > 3 or not _name_tokens_ok(tokens):
            return None
        party = party_abbrev(m.group("party") or "") if m.group("party") else None
        role = role_of(m.group("role")) if m.group("role") else title
        start = text.find(name, off)
        known = tokens[0] in g.first_names or party is not None or role is not None
        return Actor(name, "person", party, role, start, start + len(name)), known

    for i in range(len(lines)):
        hit = person_at(i)
        if hit is None:
            continue
        actor, known = hit
        if i + 1 < len(lines) and actor.role is None:
            nxt = role_of(lines[i + 1][1])
            if nxt and person_at(i + 1) is None:
                actor.role = nxt
                used.add(i + 1)
        label = role_of(lines[i - 1][1]) if i > 0 and i - 1 not in used else None
        if label and actor.role is None:
            actor.role = label
        if known or actor.role:
            found.append(actor)
            used.add(i)
    return found


def find_persons(text: str) -> list[Actor]:
    """Every person mention the rules can see, possibly repeated; merged by the caller."""
    out: list[Actor] = []
    recipients: list[Actor] = []
    for m in PARTY_RE.finditer(text):
        party = party_abbrev(m.group("party"))
        if party is None:
            continue
        name, start, role = _peel(m.group("name"), m.start("name"))
        tokens = name.split()
        if len(tokens) > 3:
            # Two names run together in a table row: the party belongs to the last one.
            cut = name.index(tokens[-2], len(name) - len(tokens[-1]) - len(tokens[-2]) - 2)
            name, start = name[cut:], start + cut
        if not _name_tokens_ok(name.split()):
            continue
        after = ROLE_AFTER_RE.match(text, m.end())
        if after and role_of(after.group("role")):
            role = role_of(after.group("role"))
        if role is None:
            role = _title_before(text, start)
        if role is None:
            role = _function_role(text, start)
        actor = Actor(name, "person", party, role, start, start + len(name))
        out.append(actor)
        head = text[max(0, start - 200) : start].lower()
        if role is None and re.search(r"interpellation\b[^.\n]*\btill\s+$", head):
            recipients.append(actor)
    for m in TITLE_NAME_RE.finditer(text):
        role = role_of(m.group("title"))
        if not role:
            continue
        name, start, _ = _peel(m.group("name"), m.start("name"))
        tokens = name.split()
        if len(tokens) > 3 or (len(tokens) == 3 and tokens[2] in load().first_names):
            # A signature row runs names together: the title belongs to the first one.
            tokens = tokens[:2]
            name = name[: name.index(tokens[1], len(tokens[0])) + len(tokens[1])]
        if len(tokens) < 2 or tokens[0] not in load().first_names:
            continue
        if _name_tokens_ok(tokens):
            out.append(Actor(name, "person", None, role, start, start + len(name)))
    for m in re.finditer(rf"\b(?:från|av)[ \t]+(?P<name>{NAME})", text):
        name = m.group("name")
        tokens = name.split()
        if len(tokens) >= 2 and tokens[0] in load().first_names and _name_tokens_ok(tokens):
            role = _function_role(text, m.start("name"))
            if role:
                out.append(Actor(name, "person", None, role, m.start("name"), m.end("name")))
    out.extend(_signature_persons(text))
    _address_recipients(text, recipients)
    return out


def _title_before(text: str, start: int) -> str | None:
    """A title printed just before the name: 'socialborgarrådet Ulf Kristersson'."""
    m = re.search(rf"([{LOW}{UP}]{{4,}})[ \t]+$", text[max(0, start - 40) : start])
    return role_of(m.group(1)) if m else None


def _address_recipients(text: str, recipients: list[Actor]) -> None:
    """Give an interpellation's addressee the one title the text uses to address them."""
    if not recipients:
        return
    titles = {role_of(m.group(1)) for m in ADDRESS_RE.finditer(text)}
    titles.discard(None)
    if len(titles) == 1:
        title = titles.pop()
        for actor in recipients:
            actor.role = title
