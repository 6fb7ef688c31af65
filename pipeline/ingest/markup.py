"""Markup removal for HTML and markdown: headings and list items keep their own lines."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Content of these elements is never document text.
_SKIP = {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"}
# Elements that start a paragraph: a blank line around them.
_PARA = {
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "table",
    "ul", "ol", "dl", "blockquote", "pre", "figure", "form", "fieldset", "details", "address",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body", "caption",
}  # fmt: skip
# Elements that start a line of their own.
_LINE = {"li", "tr", "br", "dt", "dd", "figcaption", "summary", "option"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr", "source"}


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML document with line structure."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str | int] = []  # text, or a break of that many newlines
        self.skip_depth = 0
        self.pre_depth = 0
        self.lists: list[list[int]] = []  # per open list: [ordered?, counter]
        self.cell_in_row = 0

    def _break(self, newlines: int) -> None:
        self.parts.append(newlines)

    def text(self) -> str:
        """The collected text; adjacent breaks merge into the largest of them."""
        out: list[str] = []
        pending = 0
        for part in self.parts:
            if isinstance(part, int):
                pending = max(pending, part)
            elif pending and not part.strip():
                continue  # source indentation between two blocks
            else:
                if pending:
                    out.append("\n" * pending)
                    pending = 0
                out.append(part)
        return "".join(out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in _PARA:
            self._break(2)
        elif tag in _LINE:
            self._break(1)
        if tag == "pre":
            self.pre_depth += 1
        elif tag in ("ul", "ol"):
            self.lists.append([int(tag == "ol"), 0])
        elif tag == "li":
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self.parts.append(f"{self.lists[-1][1]}. ")
            else:
                self.parts.append("- ")
        elif tag == "tr":
            self.cell_in_row = 0
        elif tag in ("td", "th"):
            if self.cell_in_row:
                self.parts.append("\t")
            self.cell_in_row += 1
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f" {alt} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in _PARA:
            self._break(2)
        elif tag in _LINE:
            self._break(1)
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        data = data.replace("\xa0", " ")
        if not self.pre_depth:
            # HTML collapses any run of white space into one space.
            data = re.sub(r"\s+", " ", data)
        self.parts.append(data)


def _tidy(text: str) -> str:
    """Strip each line, keep at most one blank line between blocks."""
    lines = [re.sub(r"[ \t]*\t[ \t]*", "\t", ln).strip(" ") for ln in text.split("\n")]
    text = "\n".join(ln.strip("\t") if not ln.strip() else ln for ln in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def html_to_text(source: str) -> str:
    """Visible text of an HTML document: entities decoded, scripts and styles dropped."""
    parser = _TextCollector()
    parser.feed(source)
    parser.close()
    return _tidy(parser.text())


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_LINKDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
)


def _md_inline(line: str) -> str:
    for pattern, repl in _MD_INLINE:
        line = pattern.sub(repl, line)
    return line


def markdown_to_text(source: str) -> str:
    """Plain text of a markdown document: headings and list items as their own lines."""
    source = re.sub(r"<!--.*?-->", "", source, flags=re.S)
    out: list[str] = []
    in_fence = False
    for line in source.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _MD_LINKDEF.match(line) or (_MD_TABLE_RULE.match(line) and "|" in line):
            continue
        if _MD_SETEXT.match(line) and len(line.strip()) >= 3:
            continue  # a heading underline or a horizontal rule: drawing, not text
        line = _MD_QUOTE.sub("", line)
        m = _MD_HEADING.match(line)
        if m:
            line = m.group(1)
        else:
            m = _MD_BULLET.match(line)
            if m:
                line = f"{m.group(1)}- {m.group(2)}"
        if line.count("|") >= 2:
            line = "\t".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(_md_inline(line).rstrip())
    return html.unescape(re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n"))
