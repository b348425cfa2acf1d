"""Reading the single fields of a paper: authors, votes, arXiv ids, titles."""

from __future__ import annotations

import re
import unicodedata

from parsers.list_literal import list_literal_items, looks_like_list_literal

MAX_VOTES = 100_000  # far above any real day's upvotes
_NEGATIVE = re.compile(r"[-−–]\s*\d+")
MAX_TITLE = 500
DERIVED_TITLE_CELLS = 72
MIN_CLAUSE = 12

_ARXIV_NEW = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_ARXIV_OLD = re.compile(r"arxiv\.org/(?:abs|pdf)/([a-z-]+(?:\.[A-Z]{2})?/\d{7})", re.IGNORECASE)
_ABS = "https://arxiv.org/abs/"
_PAPER_HOSTS = ("arxiv.org/", "huggingface.co/papers/", "alphaxiv.org/")
# A separator starts where a run of white space starts, never inside one: the look-ahead
# turns down in one step each place inside a run, where ``\s*`` would scan the rest of the
# run again (a 40,000-space line took 20 s). Splits are those of the plain pattern.
AUTHOR_SEPARATORS = re.compile(r"(?!(?<=\s)\s)(?:\s*;\s*|\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+)")
# Marks that a list of names needs cleaning (tested one by one in ``_plain_names``).
_AUTHOR_MARKS = (";", "&", "*", "_", "+", "…", "\t", "  ", " and ", "et al", ", ,")
_NOT_AUTHORS = {"", "+", "…", "...", "et al.", "et al", "and others", "others"}
_SPACE = re.compile(r"\s+")
_ODD_BLANK = re.compile(r"[^\S ]")  # white space other than a plain space
_TITLE_KEY_DROP = re.compile(r"[\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")


def arxiv_id_from_url(url: str) -> str | None:
    """The versionless arXiv id in a paper link (arxiv.org, huggingface.co/papers, ...)."""
    if url.startswith(_ABS):
        tail = url[len(_ABS) :]
        if len(tail) in (9, 10) and tail[4] == "." and tail.replace(".", "", 1).isdigit():
            return tail
    lowered = url.lower()
    if not any(host in lowered for host in _PAPER_HOSTS):
        return None
    match = _ARXIV_NEW.search(url)
    if match:
        return match.group(1)
    old = _ARXIV_OLD.search(url)
    return old.group(1) if old else None


def _plain_names(text: str) -> list[str] | None:
    """The names of "A, B, C" with nothing to clean (the common case, checked with scans in
    C: the marks of ``_AUTHOR_MARKS``, then every comma followed by a blank); else None."""
    if (
        not text
        or text[0] in " ,["
        or text[-1] in " ,"
        or ";" in text
        or "&" in text
        or "*" in text
        or "_" in text
        or "+" in text
        or "…" in text
        or "\t" in text
        or "  " in text
        or " and " in text
        or "et al" in text
        or ", ," in text
    ):
        return None
    names = text.split(", ")
    return names if text.count(",") == len(names) - 1 else None


def _cut_author_list(text: str) -> list[str] | None:
    """The names of "A, B, A" (a list cut with ", +" after it), as the general reading of
    :func:`split_authors` gives them; None when that reading may differ (odd blanks, a
    blank before a comma, a name that is dropped), for it to decide."""
    names = _plain_names(text)
    if names is None or " ," in text or _ODD_BLANK.search(text) is not None:
        return None
    lowered = text.lower()  # a name dropped as "..." / "others" / "et al" would be in it
    if "..." in text or "others" in lowered or "et al" in lowered:
        return None
    return _once(names)


def _once(names: list[str]) -> list[str]:
    """``names`` in order, each once."""
    kept = dict.fromkeys(names)
    return names if len(kept) == len(names) else list(kept)


def split_authors(text: str) -> list[str]:
    """Author names from a list line, each once and in order.

    Accepts commas, semicolons and "and"/"&" as separators, or a Python list literal of
    quoted names; drops the "+", "..." or "et al." that marks a cut list, and the emphasis
    marks some generators add.
    """
    plain = _plain_names(text)
    if plain is not None:
        return _once(plain)
    if text.endswith(", +"):
        cut = _cut_author_list(text[:-3])
        if cut is not None:
            return cut
    stripped = text.strip()
    if looks_like_list_literal(stripped):
        raws = list_literal_items(stripped)
    else:
        raws = AUTHOR_SEPARATORS.split(stripped.strip("*_ "))
    names: list[str] = []
    seen: set[str] = set()
    for raw in raws:
        name = _SPACE.sub(" ", raw.strip().strip("*_").strip())
        for suffix in (" +", " et al.", " et al", " …"):
            if name.endswith(suffix):
                name = name[: -len(suffix)].rstrip()
        if name.lower() in _NOT_AUTHORS or name in seen:
            continue
        seen.add(name)
        names.append(name)
    return names


def parse_votes(text: str) -> tuple[int | None, str | None]:
    """The vote count in a vote line's value, and a complaint when it is not believable.

    ``-``, an empty value or ``N/A`` mean "no votes given" and are not complaints.
    """
    value = text.strip().strip("*_ ").replace(",", "").replace("_", "")
    if value in {"", "-", "–", "—", "?"} or value.lower() in {"n/a", "na", "none"}:
        return None, None
    if value.isascii() and value.isdigit():
        votes = int(value) if len(value) <= 9 else MAX_VOTES + 1
        if votes <= MAX_VOTES:
            return votes, None
        return None, f"vote count {shorten(value, 20)} is not believable; ignored"
    if _NEGATIVE.fullmatch(value):
        return None, f"vote count {shorten(value, 20)} is negative; ignored"
    return None, f"vote count {shorten(value, 40)!r} is not a number; ignored"


def clean_title(text: str) -> tuple[str, bool]:
    """A title with runs of white space folded; True as second item when it was cut."""
    title = _SPACE.sub(" ", text).strip()
    if len(title) > MAX_TITLE:
        return title[: MAX_TITLE - 1].rstrip() + "…", True
    return title, False


def title_key(title: str) -> str:
    """A form of the title under which spelling variants of the same title compare equal."""
    return _TITLE_KEY_DROP.sub("", unicodedata.normalize("NFKC", title).casefold())


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide (Hangul, CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _fits(text: str, cells: int) -> bool:
    """Whether ``text`` fits in ``cells`` terminal cells (each character takes one or two)."""
    if len(text) > cells:
        return False
    return 2 * len(text) <= cells or cell_width(text) <= cells


def derive_title(text: str) -> str:
    """A display title for an untitled abstract: its first sentence or clause, shortened.

    The title fits in ``DERIVED_TITLE_CELLS`` terminal cells; a long first sentence is cut
    at its last clause break outside brackets that fits, else at a word, with an ellipsis.
    """
    text = _SPACE.sub(" ", text).strip()
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0].strip().rstrip(".。")
    if _fits(sentence, DERIVED_TITLE_CELLS):
        return sentence
    best = 0
    depth = 0
    for index, char in enumerate(sentence):
        if char in "([{（":
            depth += 1
        elif char in ")]}）":
            depth = max(0, depth - 1)
        elif char in ",:;，：；" and depth == 0 and index >= MIN_CLAUSE:
            if not _fits(sentence[:index], DERIVED_TITLE_CELLS):
                break
            best = index
    if best:
        return sentence[:best]
    return shorten(sentence, DERIVED_TITLE_CELLS)


def shorten(text: str, cells: int) -> str:
    """``text`` cut at a word to fit in ``cells`` terminal cells, with an ellipsis if cut."""
    if _fits(text, cells):
        return text
    used = 0
    end = 0
    for end, char in enumerate(text):  # noqa: B007 - end is used after the loop
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > cells - 1:
            break
    cut = text[:end]
    space = cut.rfind(" ")
    if space > end // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:(") + "…"
