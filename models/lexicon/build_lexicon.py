"""Build the Swedish OCR lexicon and bigram files under models/lexicon/ (reads ../shared).

Sources (all build-time only; runtime reads just the two gzip'd TSV files):
- ``wordfreq`` (pip) Swedish "large" list: word -> frequency (stored per 10^9 tokens);
- ``hunspell-sv`` (pip) ``sv_SE.dic``/``.aff``: stems expanded by their suffix rules, marking
  words as dictionary-confirmed and capitalised stems as names;
- ``simplemma`` Swedish forms: a second dictionary confirmation for forms wordfreq knows;
- clean running text for genre unigrams and bigrams: ../shared/corpus_real/*.txt, seeds
  000/001/002/004 (never seed 003 or its answer files), the Swedish NER corpus (CC BY 4.0)
  and UD Talbanken dev/test (CC BY-SA 4.0).

Usage: .venv/bin/python models/lexicon/build_lexicon.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import re
import sys
import sysconfig
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"^[a-zåäöéüàèáóíúæøñç]+$")
TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*|\d+(?:[.,:/-]\d+)*|[.!?;:]")
CLEAN_SEEDS = (
    "interpellation_jonsson_skarholmen.txt",
    "tu_utbildningsnamnden_2024_samhandling.txt",
    "skrivelse_2008_arbetsgrupp.txt",
    "yttrande_alvsjo_2016_motion.txt",
)
# Fixed Swedish expressions whose words are real-word OCR look-alikes of more frequent words
# (far/får, for/för, fara/fåra): the bigram model must know them or it "corrects" them.
COLLOCATIONS = (
    "far illa",
    "fara illa",
    "farit illa",
    "for illa",
    "far fram",
    "for fram",
    "far iväg",
    "for iväg",
    "for hem",
    "far hem",
    "for bort",
    "far bort",
    "ta far",
    "far och mor",
    "mor och far",
    "din far",
    "min far",
    "hans far",
    "hennes far",
    "deras far",
    "barnets far",
)


def hunspell_forms(dic: Path, aff: Path) -> tuple[set[str], set[str]]:
    """Expand hunspell stems by their SFX rules: (lowercase words, lowercase names)."""
    rules: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
    for line in aff.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/")[0]
            rules.setdefault(flag, []).append((strip, add, re.compile(f"(?:{cond})$")))
    words: set[str] = set()
    names: set[str] = set()
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        stem, _, flags = line.strip().partition("/")
        if not stem:
            continue
        forms = {stem}
        for flag in flags:
            for cut, add, pattern in rules.get(flag, ()):
                if pattern.search(stem) and stem.endswith(cut):
                    forms.add(stem[: len(stem) - len(cut)] + add)
        for form in forms:
            low = form.lower()
            if WORD.match(low):
                (names if form[:1].isupper() else words).add(low)
    return words, names


def running_text(shared: Path) -> Iterator[list[str]]:
    """Yield clean sentences/lines of lowercase tokens from the allowed corpora."""
    texts: list[str] = []
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus_real").glob("*.txt"))]
    seeds = shared / "gold" / "seeds"
    texts += [(seeds / name).read_text(encoding="utf-8") for name in CLEAN_SEEDS]
    for text in texts:
        # Wrapped lines belong to one paragraph; blank lines end it.
        for para in re.split(r"\n\s*\n", text):
            yield [t.lower() for t in TOKEN.findall(para.replace("\n", " "))]
    ner = shared / "data" / "swedish-ner-corpus"
    for name in ("train_corpus.txt", "test_corpus.txt"):
        sent: list[str] = []
        for line in (ner / name).read_text(encoding="utf-8").splitlines():
            tok = line.split()
            if not tok:
                if sent:
                    yield sent
                sent = []
            else:
                sent.append(tok[0].lower())
        if sent:
            yield sent
    tb = shared / "data" / "ud-swedish-talbanken"
    for conllu in sorted(tb.glob("*.conllu")):
        for line in conllu.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                yield [t.lower() for t in TOKEN.findall(line[9:])]


def norm_token(tok: str) -> str | None:
    """Map a token to its bigram symbol: words as is, numbers to <num>, punctuation to None."""
    if tok[0].isdigit():
        return "<num>"
    if tok[0].isalpha():
        return tok
    return None


def main() -> None:
    """Write sv_lexicon.tsv.gz and sv_bigrams.tsv.gz next to this script."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(HERE.parents[2] / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "corpus_real").is_dir():
        sys.exit(f"no shared material at {shared}")

    import wordfreq
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    wf = {w: f for w, f in wordfreq.get_frequency_dict("sv", wordlist="large").items()}
    simple = DefaultDictionaryFactory().get_dictionary("sv")
    share = Path(sysconfig.get_path("data")) / "share" / "hunspell"
    hun_words, hun_names = hunspell_forms(share / "sv_SE.dic", share / "sv_SE.aff")

    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    for sent in running_text(shared):
        prev: str | None = None
        for tok in sent:
            sym = norm_token(tok)
            if sym is not None:
                uni[sym] += 1
                if prev is not None:
                    bi[(prev, sym)] += 1
            prev = sym
    for phrase in COLLOCATIONS:
        words = phrase.split()
        for a, b in itertools.pairwise(words):
            bi[(a, b)] += 20

    # Dictionary-only inflections would triple the file for little gain: compounds and rare
    # forms are judged by the runtime compound splitter instead.
    vocab = {w for w in wf if WORD.match(w)} | hun_names
    vocab |= {w for w in uni if WORD.match(w)}
    rows = []
    for w in sorted(vocab):
        flags = ""
        if w in hun_words or (w in wf and w in simple):
            flags += "d"
        if w in hun_names:
            flags += "n"
        count = round(wf.get(w, 0.0) * 1e9)
        rows.append(f"{w}\t{count}\t{uni.get(w, 0)}\t{flags}")
    with gzip.open(HERE / "sv_lexicon.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"#total_corpus_tokens\t{sum(uni.values())}\t{uni.get('<num>', 0)}\t\n")
        fh.write("\n".join(rows) + "\n")
    with gzip.open(HERE / "sv_bigrams.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        for (a, b), n in sorted(bi.items()):
            fh.write(f"{a}\t{b}\t{n}\n")
    # Character 4-gram counts over confirmed word types: how plausible an unlisted token is
    # as Swedish (names and new compounds) rather than as OCR damage.
    chars: Counter[str] = Counter()
    for w in vocab:
        if w in hun_words or w in hun_names or wf.get(w, 0.0) >= 1e-7:
            padded = "^^^" + w + "$"
            for i in range(3, len(padded)):
                for n in range(1, 5):
                    chars[padded[i - n + 1 : i + 1]] += 1
                for n in range(1, 4):
                    chars[padded[i - n : i] + "|"] += 1  # history counts
    with gzip.open(HERE / "sv_chargrams.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        for gram, n in sorted(chars.items()):
            if n >= 2 or len(gram) <= 2:
                fh.write(f"{gram}\t{n}\n")
    print(f"lexicon {len(rows)} words, bigrams {len(bi)}, corpus tokens {sum(uni.values())}")


if __name__ == "__main__":
    main()
