"""The title inside a flattened head: header fields, title and first sentences on one line.

Text taken from PDFs by other tools often arrives with a whole page on one line:
"Utlåtande 2017:19 RI (Dnr 123/2016) Renovering av obelisken på Slottsbacken Motion
(2016:5) av …". There is no title line to find, but the register line, the answer formula
or the document-kind label around the title still mark where it starts and ends.
"""

from __future__ import annotations

import re

# How far into the document a flattened head reaches.
HEAD = 700
_MIN, _MAX = 8, 200

# Where a title printed after a register line stops: what the register prints next.
_AFTER_REGISTER = (
    r"(?=\s+(?:Motion\b|Skrivelse\s+(?:av|från)\b|Remiss\s+(?:från|av)\b|Hemställan\b|"
    r"Framställan\b|Ärendet\b|(?:Kommunstyrelsen|Borgarrådsberedningen|Stadsledningskontoret|"
    r"Förvaltningen|Nämnden)\s+föreslår\b))"
)
_PATTERNS = [
    # Stockholm's utlåtanden and PM: "Utlåtande 2017:19 RI (Dnr …) TITLE Motion (…) av …".
    re.compile(
        r"\b(?:Utlåtande|PM)\s+\d{4}\s*:\s*\d*\s*R[IVX]+\s*\((?:Dnr|dnr)[^)]{0,60}\)\s+"
        rf"(?P<t>[A-ZÅÄÖ].{{{_MIN},{_MAX}}}?){_AFTER_REGISTER}"
    ),
    # An answer formula as the title: "Svar på motion om … Dnr 2014/904 INLEDNING".
    re.compile(
        r"(?P<t>\bSvar\s+på\s+(?:motion|interpellation|skrivelse|fråga|medborgarförslag|"
        rf"e-förslag)\s+(?:om|angående|från|av)\b[^.]{{{_MIN},{_MAX}}}?)"
        r"(?=\s+(?:Dnr\b|DNR\b|Diarienummer\b|[A-ZÅÄÖ]{5,}\b|\d+\s*\(\d+\))|\.\s|\s*$)"
    ),
    # The kind of document in capitals, then the title, then its first section heading.
    re.compile(
        r"\bTJÄNSTE(?:SKRIVELSE|UTLÅTANDE)\s+"
        rf"(?P<t>[A-ZÅÄÖ][^.:]{{{_MIN},{_MAX}}}?)"
        r"(?=\s+(?:Sammanfattning|Förslag\s+till\s+beslut|Ärendet|Bakgrund|Ärendebeskrivning)\b)"
    ),
]
# A label line whose next line is the title: "Motionen:" / "Vitalisera fullmäktige!".
_LABEL = re.compile(r"^\s*(?:Motionen|Motion|Ärende|Ärendet|Rubrik|Ämne)\s*:\s*$", re.I)


def inline_title(text: str) -> str | None:
    """The title marked inside the first ``HEAD`` characters of ``text``, or None."""
    head = text[:HEAD]
    lines = head.splitlines()
    for i, line in enumerate(lines[:-1]):
        if _LABEL.match(line):
            nxt = next((ln.strip() for ln in lines[i + 1 :] if ln.strip()), "")
            if _MIN <= len(nxt) <= _MAX and not nxt.endswith((".", ",", ":")):
                return nxt
            break
    flat = " ".join(head.split())
    for rx in _PATTERNS:
        m = rx.search(flat)
        if m:
            return m.group("t").strip(" ,;")
    return None
