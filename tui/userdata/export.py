"""Bookmarks as Markdown, BibTeX, JSON or CSV, with the reader's tags and notes.

BibTeX carries tags as ``keywords`` and the note as ``annote`` (the field for a reader's
annotation, which Zotero and JabRef import as a note), and each reading list as a keyword
``list:NAME``; Markdown puts tags, lists and note under each paper; JSON and CSV have
``starred``, ``tags``, ``lists`` and ``note`` fields (CSV: lists separated by ``; ``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import count, groupby, product
from string import ascii_lowercase
from urllib.parse import quote

from tui.archive.markdown import LINE_BREAK, markdown_text, markdown_url
from tui.userdata.bookmarks import Bookmark

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_UNBALANCED = {**_BIBTEX_SPECIAL, "{": r"\textbraceleft{}", "}": r"\textbraceright{}"}
_BIBTEX_ESCAPE = re.compile("|".join(re.escape(char) for char in _BIBTEX_SPECIAL))
_MATH = re.compile(r"\$(?=\S)[^$\n]*?(?<=\S)\$(?!\d)")
"""TeX math as Pandoc reads it: ``$L_2$`` (no space inside the dollars, no digit after)."""
_AND = re.compile(r"\sand\s", re.IGNORECASE)
_BIBTEX_URL_UNSAFE = re.compile(r"[{}\\\s]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DERIVED_NOTE = "title derived from the abstract"
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _with_math(text: str, escape: Callable[[str], str]) -> str:
    """``text`` escaped by ``escape``, except its TeX math (kept as written)."""
    parts: list[str] = []
    end = 0
    for match in _MATH.finditer(text):
        if not _balanced(match.group(0)):
            continue
        parts += [escape(text[end : match.start()]), match.group(0)]
        end = match.end()
    parts.append(escape(text[end:]))
    return "".join(parts)


def _bibtex_text(text: str) -> str:
    """``text`` as BibTeX field text. BibTeX ends a field at the brace that balances its
    first, counting ``\\{`` and ``\\}`` too: braces are escaped as ``\\{`` only when
    they balance, else spelled as commands, so that no text can close its field."""
    special = _BIBTEX_SPECIAL if _balanced(text) else _BIBTEX_UNBALANCED
    return _BIBTEX_ESCAPE.sub(lambda match: special[match.group(0)], text)


def _bibtex_name(name: str) -> str:
    """An author, braced when it holds the word "and" (BibTeX's separator of names)."""
    text = _bibtex_text(name)
    return "{" + text + "}" if _AND.search(text) else text


def _url_text(url: str, unsafe: re.Pattern[str]) -> str:
    """``url`` with the characters ``unsafe`` matches percent-encoded (the address is the
    same to a browser, and cannot close the field or link it is written in)."""
    return unsafe.sub(lambda match: quote(match.group(0), safe=""), url)


def _key_part(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", ascii_text)


_KEY_STOPWORDS = {"the", "and", "for", "with", "from", "into", "via", "are", "how", "what"}


def _bibtex_key(bookmark: Bookmark, used: set[str]) -> str:
    """``lastname2025word``: the first author's family name, the year, a title word."""
    names = [_key_part(part) for part in (bookmark.authors[:1] or [""])[0].split()]
    lettered = [name for name in names if any(char.isalpha() for char in name)]
    author = lettered[-1] if lettered else ""
    year = str(bookmark.date.year) if bookmark.date else ""
    words = (_key_part(word).lower() for word in (bookmark.title or "").split())
    word = next((w for w in words if len(w) >= 3 and w not in _KEY_STOPWORDS), "")
    base = (author.lower() + year + word.lower()) or _key_part(bookmark.id) or "paper"
    key = base
    if key in used:
        key = next(f"{base}{s}" for s in _key_suffixes() if f"{base}{s}" not in used)
    used.add(key)
    return key


def _key_suffixes() -> Iterator[str]:
    """a … z, aa, ab … zz, aaa …: letters only, so a key stays a valid BibTeX key."""
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield "".join(letters)


def to_bibtex(bookmarks: list[Bookmark]) -> str:
    """``@misc`` entries with eprint and archivePrefix, as Zotero and JabRef import them."""
    used: set[str] = set()
    entries = []
    for bookmark in bookmarks:
        title = _with_math(bookmark.export_title, _bibtex_text)
        fields = [("title", "{{" + title + "}}")]
        if bookmark.authors:
            authors = " and ".join(_bibtex_name(a) for a in bookmark.authors)
            fields.append(("author", "{" + authors + "}"))
        if bookmark.date:
            fields.append(("year", "{" + str(bookmark.date.year) + "}"))
            if bookmark.title_derived:  # no paper of record: the digest's day dates it
                fields.append(("month", _MONTHS[bookmark.date.month - 1]))
        if bookmark.arxiv_id:
            eprint = _bibtex_text(bookmark.arxiv_id)
            fields += [("eprint", "{" + eprint + "}"), ("archivePrefix", "{arXiv}")]
        if bookmark.url:
            fields.append(("url", "{" + _url_text(bookmark.url, _BIBTEX_URL_UNSAFE) + "}"))
        if bookmark.title_derived:
            fields.append(("note", "{" + DERIVED_NOTE + "}"))
        keywords = [*bookmark.tags, *(f"list:{name}" for name in bookmark.lists)]
        if keywords:
            fields.append(("keywords", "{" + _bibtex_text(", ".join(keywords)) + "}"))
        if bookmark.note is not None:
            fields.append(("annote", "{" + _bibtex_text(bookmark.note) + "}"))
        body = ",\n".join(f"  {name} = {value}" for name, value in fields)
        entries.append(f"@misc{{{_bibtex_key(bookmark, used)},\n{body}\n}}\n")
    return "\n".join(entries)


def _markdown_code(text: str) -> str:
    """``text`` as a code span: fenced by more backticks than it holds in a row."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    if not longest:
        return f"`{text}`"
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def to_markdown(bookmarks: list[Bookmark]) -> str:
    """A linked list grouped by the papers' days, newest day first."""
    ordered = sorted(bookmarks, key=lambda b: (b.date is not None, b.date), reverse=True)
    lines = ["# Bookmarks", ""]
    for day, group in groupby(ordered, key=lambda b: b.date):
        lines += [f"## {day.isoformat() if day else 'Undated'}", ""]
        for bookmark in group:
            title = _with_math(bookmark.export_title, markdown_text)
            url = markdown_url(bookmark.url or "")
            entry = f"[{title}]({url})" if url else title
            if bookmark.authors:
                entry += f" — {markdown_text(', '.join(bookmark.authors))}"
            if bookmark.votes is not None:
                entry += f" ({bookmark.votes} votes)"
            if bookmark.title_derived:
                entry += f" *({DERIVED_NOTE})*"
            lines.append(f"- {entry}")
            lines += _markdown_mine(bookmark)
        lines.append("")
    return "\n".join(lines)


def _markdown_mine(bookmark: Bookmark) -> list[str]:
    """The reader's tags and note, indented under the paper's line (the note quoted as
    written: it may hold Markdown of its own)."""
    lines = []
    if bookmark.tags:
        lines.append("  Tags: " + " ".join(_markdown_code(f"#{tag}") for tag in bookmark.tags))
    if bookmark.lists:
        lines.append("  Lists: " + ", ".join(markdown_text(name) for name in bookmark.lists))
    if bookmark.note is not None:
        note = LINE_BREAK.split(bookmark.note)
        lines += [""] + [f"  > {line}".rstrip() for line in note] + [""]
    return lines


def to_json(bookmarks: list[Bookmark]) -> str:
    data = [bookmark.dump(json=True) for bookmark in bookmarks]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = [
    "id", "title", "url", "arxiv_id", "date", "votes", "authors", "bookmarked_at", "title_derived",
    "starred", "tags", "note", "lists",
]  # fmt: skip


def to_csv(bookmarks: list[Bookmark]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for bookmark in bookmarks:
        data = bookmark.dump(json=True)
        data["authors"] = "; ".join(bookmark.authors)
        data["title_derived"] = "true" if bookmark.title_derived else "false"
        data["tags"] = " ".join(bookmark.tags)
        data["lists"] = "; ".join(bookmark.lists)
        data["starred"] = "true" if bookmark.starred else "false"
        writer.writerow(
            ["" if data[column] is None else _cell(data[column]) for column in CSV_COLUMNS]
        )
    return out.getvalue()


def _cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: one that would start a formula (``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return) gets a ``'`` in front."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


FORMATS: dict[str, Callable[[list[Bookmark]], str]] = {
    "md": to_markdown,
    "bibtex": to_bibtex,
    "json": to_json,
    "csv": to_csv,
}
