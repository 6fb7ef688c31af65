"""Regular grammar for Swedish time expressions: atoms, governing prefixes and their patterns."""

from __future__ import annotations

import re

from pipeline.lang.calendar import MONTHS

ORDINALS: dict[str, int] = {
    "första": 1,
    "forsta": 1,
    "1:a": 1,
    "1a": 1,
    "andra": 2,
    "2:a": 2,
    "2a": 2,
    "tredje": 3,
    "3:e": 3,
    "3e": 3,
    "fjärde": 4,
    "fjarde": 4,
    "4:e": 4,
    "4e": 4,
}
NUMBER_WORDS: dict[str, int] = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tva": 2,
    "ett par": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "atta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "femton": 15,
    "arton": 18,
    "tjugo": 20,
    "tjugofyra": 24,
    "trettio": 30,
}

_MFULL = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_MABBR = "jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec"
_Y4 = r"(?:19|20)\d{2}"
_ORD = r"f[öo]rsta|andra|tredje|fj[äa]rde|sista|[1-4]:?[ae]"
_NUM = r"\d{1,3}|ett\s+par|en|ett|tv[åa]|tre|fyra|fem|sex|sju|[åa]tta|nio|tio|elva|tolv|femton|arton|tjugofyra|tjugo|trettio"
_UNIT = r"[åa]r(?:en)?|m[åa]nad(?:er(?:na)?)?|veck(?:a|or(?:na)?)|dag(?:ar(?:na)?)?"


def _y(group: str) -> str:
    return r"(?:\s+(?:[åa]r\s+)?(?P<" + group + ">" + _Y4 + "))?"


# One alternation, most specific forms first: at a given position Python's re takes the first
# alternative that matches, so ISO dates must win over bare years, "numera" over "nu", etc.
ATOM_RE = re.compile(
    r"(?<![\w§])(?:"
    rf"(?P<iso>(?<![/:.-])(?P<iso_y>{_Y4})-(?P<iso_m>[01]?\d)-(?P<iso_d>[0-3]?\d))(?![\d-])"
    rf"|(?P<dmy>(?<![/:.-])(?:den\s+)?(?P<dmy_d>[0-3]?\d)/(?P<dmy_m>1[0-2]|0?[1-9])\s+(?P<dmy_y>{_Y4}))(?![\d/])"
    rf"|(?P<dm>(?<![/:.-])(?:den\s+)?(?P<dm_d>[0-3]?\d)(?::[ae])?\s*"
    rf"(?P<dm_m>{_MFULL}|(?:{_MABBR})(?![a-zåäö])\.?)"
    rf"(?:\s+(?P<dm_y>{_Y4})|\s+(?P<dm_iar>i\s+[åa]r\b))?)(?![\d])"
    rf"|(?P<mo>(?P<mo_m>{_MFULL})(?:\s+m[åa]nad)?(?:\s+(?P<mo_y>{_Y4}))?)\b"
    rf"|(?P<mab>(?P<mab_m>{_MABBR})\.?\s+(?P<mab_y>{_Y4}))\b"
    r"|(?P<sepast>i\s+(?P<sepast_s>h[öo]stas|v[åa]ras|somras|vintras))\b"
    rf"|(?P<vtht>(?P<vtht_s>vt|ht)[\s-]?(?P<vtht_y>{_Y4}|\d{{2}}))\b"
    r"|(?P<se>(?P<se_s>v[åa]rtermin(?:en)?|h[öo]sttermin(?:en)?|v[åa]ren|h[öo]sten|sommaren"
    r"|vintern|f[öo]rsommaren|sensommaren)"
    rf"(?:\s+(?P<se_y>{_Y4})(?:\s*/\s*(?P<se_y2>{_Y4}|\d{{2}}))?)?)\b"
    r"|(?P<sebare>i\s+(?P<sebare_s>h[öo]st|sommar|vinter|v[åa]r))\b"
    rf"|(?P<q>(?:(?P<q_o>{_ORD})\s+kvartal(?:et)?|kvartal\s+(?P<q_n>[1-4])|q(?P<q_q>[1-4]))"
    rf"{_y('q_y')})\b"
    rf"|(?P<t>(?:(?P<t_o>{_ORD})\s+tertial(?:et)?|tertial\s+(?P<t_n>[1-3])){_y('t_y')})\b"
    rf"|(?P<h>(?P<h_o>{_ORD})\s+halv[åa]ret{_y('h_y')})\b"
    rf"|(?P<w>(?:vecka|v\.)\s*(?P<w_n>[1-5]?\d){_y('w_y')})\b"
    r"|(?P<yn>(?P<yn_noun>(?:budget|verksamhets|kalender|r[äa]kenskaps|l[äa]s)?[åa]r(?:et)?|[åa]ren"
    r"|(?:mandat|plan)?perioden)"
    rf"\s+(?P<yn_y>{_Y4})(?![-/.]\d{{1,2}}[-/.]\d)(?:\s*(?:[-–—/]|till)\s*(?P<yn_y2>{_Y4}|\d{{2}}))?)\b(?![-–]?\s*[åa]rs\b)"
    r"|(?P<rel>(?P<rel_w>n\w?sta\s+(?:kalender)?[åa]r|n[äa]stkommande\s+[åa]r"
    r"|(?:det\s+)?kommande\s+[åa]r(?:et)?|i\s+[åa]r|innevarande\s+[åa]r|detta\s+[åa]r"
    r"|f[öo]rra\s+[åa]ret|f[öo]reg[åa]ende\s+(?:kalender)?[åa]r|(?:det\s+)?g[åa]ngna\s+[åa]ret"
    r"|[åa]ret))\b"
    rf"|(?P<dur>(?:inom\s+(?:de\s+(?:n[äa]rmaste|kommande)\s+)?|den?\s+(?:n[äa]rmaste|kommande)\s+)"
    rf"(?P<dur_n>{_NUM})"
    rf"\s+(?P<dur_u>{_UNIT}))\b"
    rf"|(?P<ask>[åa]rsskiftet(?:\s+(?P<ask_y>{_Y4})(?:\s*/\s*(?P<ask_y2>{_Y4}|\d{{2}}))?)?)\b"
    r"|(?P<vague>snarast(?:\s+m[öo]jligt)?|s[åa]\s+(?:snart|fort)\s+(?:som\s+)?(?:det\s+är\s+)?"
    r"m[öo]jligt|omg[åa]ende|skyndsamt|inom\s+kort|i\s+n[äa]rtid|inom\s+en\s+snar\s+framtid"
    r"|fram[öo]ver|p[åa]\s+(?:l[åa]ng\s+|kort\s+)?sikt|numera|nu|i\s+dag|idag|tills\s+vidare"
    r"|tillsvidare)\b"
    rf"|(?P<by>(?<![/:.-])(?P<by_y>{_Y4})(?:\s*[-–—]\s*(?P<by_y2>{_Y4}))?)"
    r"(?![\d/:]|[-,.]\d|[-–]?\s*[åa]rs\b)"
    r")",
    re.IGNORECASE,
)

# Words after a bare year that show it is a quantity, not a time.
UNIT_AFTER_RE = re.compile(
    r"\s*(?:kr|kronor|tkr|mkr|mnkr|miljoner|milj|st|stycken|personer|elever|barn|invånare|"
    r"meter|m|km|kvm|m2|timmar|procent|%|platser|bostäder|lägenheter)\b",
    re.IGNORECASE,
)

_PREFIX = (
    r"senast(?:\s+(?:under|i|vid|till|per|till\s+och\s+med|inom))?"
    r"|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|tom"
    r"|fram\s+till(?:\s+och\s+med)?|[äa]nda\s+(?:fram\s+)?till"
    r"|fr[åa]n\s+och\s+med|fr\.?\s?o\.?\s?m\.?|from|med\s+start(?:\s+(?:i|under|fr[åa]n))?"
    r"|fr[åa]n|tills|till|under|per|vid|inom|inf[öo]r|f[öo]re|innan|efter|sedan|mellan|i|redan\s+i"
    r"|redan\s+under"
)
_WEEKDAY = r"(?:m[åa]n|tis|ons|tors|fre|l[öo]r|s[öo]n)dag(?:en)?"
_EVENT = (
    r"(?:\w+s\s+)?(?:\w*(?:start(?:en)?|slut(?:et)?|skifte(?:t)?)|\w*sammantr[äa]de(?:t)?"
    r"|\w*m[öo]te(?:t)?)"
)
_MOD = r"b[öo]rjan|mitten|slutet|utg[åa]ngen"

# Searched on the text just before an atom; the leftmost match that reaches the atom is the
# longest governing phrase ("senast under", "fram till nämndens möte i").
_EVENT_PREFIX = (
    r"senast(?:\s+(?:vid|till))?|fram\s+till|till\s+och\s+med|till|vid|inf[öo]r|f[öo]re|innan|efter"
)
BACK_RE = re.compile(
    rf"(?<![\w.])(?:(?P<evpre>{_EVENT_PREFIX})\s+(?P<ev>{_EVENT})\s+(?:(?:i|under|p[åa])\s+)?"
    rf"|(?P<pre>{_PREFIX})\s+(?:(?:det|den)\s+)?(?:(?P<wd>{_WEEKDAY})\s+)?)?"
    rf"(?:(?P<mod>{_MOD})\s+(?:av\s+)?)?\Z",
    re.IGNORECASE,
)

# Words that may stand right before a bare year and make it a due time, without being printed
# as part of the expression.
YEAR_LEAD_RE = re.compile(
    r"(?:klart?|f[äa]rdig[at]?|slutf[öo]rd|slutf[öo]rt|avslutad|avslutat|genomf[öo]rd|"
    r"genomf[öo]rt|p[åa]b[öo]rjad|p[åa]b[öo]rjat|utbyggd|utbyggt|\w+(?:ades|des|tes|dde)"
    r"|(?:ska|skall|att)\s+\w+a)\s+\Z",
    re.IGNORECASE,
)

# First words an atom can begin with; the scanner tries ATOM_RE only where one of these (or a
# digit) starts a word, which is several times faster than letting the alternation run everywhere.
_TRIGGER_TEXT = """den de i vt ht våren varen vårterminen varterminen vårtermin hösten hosten
höstterminen hostterminen hösttermin sommaren vintern försommaren sensommaren sista kvartal
tertial q1 q2 q3 q4 vecka v år ar året aret åren budgetåret verksamhetsåret kalenderåret
räkenskapsåret läsåret lasaret perioden mandatperioden planperioden nästa nasta nästkommande
kommande det innevarande detta förra föregående inom årsskiftet arsskiftet snarast så sa
omgående skyndsamt framöver framover på pa numera nu idag tills tillsvidare"""
TRIGGER_WORDS = frozenset(set(MONTHS) | set(ORDINALS) | set(_TRIGGER_TEXT.split()))
WORD_RE = re.compile(r"[^\W_]+")
OCR_NASTA_RE = re.compile(r"n\w?sta$", re.IGNORECASE)
