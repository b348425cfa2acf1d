"""Plain dumps of abstracts: one abstract per paragraph, no titles, no dates.

An abstract is one long line or a run of hard-wrapped short lines; it may be preceded by an
authors line and a line holding only the vote count. Paragraphs may or may not be separated
by blank lines, so the boundaries between abstracts are found from the shape of the lines.
"""

from __future__ import annotations

import re
from datetime import date

from parsers.limits import PaperCount, limit_paper
from parsers.markdown import LONG_LINE
from parsers.models import Problem, RawDigest
from parsers.paper_fields import AUTHOR_SEPARATORS, derive_title, parse_votes, split_authors

ABSTRACT_HEADING = "Abstract"
WRAPPED_LINE_MAX = 160  # a longer line is a whole abstract on one line
LAST_LINE_RATIO = 0.7  # a wrapped paragraph's last line is shorter than this share of the width
MIN_ABSTRACT = 200  # characters, for a paragraph to count as an abstract when sniffing

_VOTE_ONLY = re.compile(r"\s*(?:(?:votes?|upvotes?)\s*[:：]\s*)?([\d,_-]+|-)\s*$", re.IGNORECASE)
_SENTENCE_END = ".!?。)\"'”’"
_INITIAL_END = re.compile(r"(?:^|\s)\w\.$")
_NAME_PARTICLES = {
    "de", "del", "della", "der", "den", "di", "da", "dos", "du", "la", "le", "van", "von",
    "bin", "al", "el", "ten", "ter", "zu", "y", "e",
}  # fmt: skip
# Words nearly every abstract has (English and Korean); notes and essays mostly lack them.
_ACADEMIC = re.compile(
    r"\b(?:we|our|this (?:paper|work|study))\b|propos|present|introduc|model|method|benchmark"
    r"|dataset|state-of-the-art|experiment|result|learning|network|framework|perform"
    r"|우리는|본 (?:논문|연구)|제안|모델|방법|실험|결과|성능|학습|데이터|프레임워크",
    re.IGNORECASE,
)
_LICENSE = re.compile(
    r"permission is hereby granted|the software is provided|redistribution and use in source"
    r"|licensed under the|gnu (?:lesser |affero )?general public license|^copyright \(c\)",
    re.IGNORECASE | re.MULTILINE,
)


def _is_hangul_name(word: str) -> bool:
    return 2 <= len(word) <= 4 and all("\uac00" <= char <= "\ud7a3" for char in word)


def _name_like(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    if len(words) == 1 and _is_hangul_name(words[0]):
        return True
    for word in words:
        first = word[0]
        if not (first.isupper() or word.lower() in _NAME_PARTICLES or first in "'(\\"):
            return False
    return True


def looks_like_authors(line: str, before_vote: bool) -> bool:
    """True when ``line`` is a list of names; looser when a vote-count line follows it."""
    text = line.strip()
    if len(text) < 2 or text[-1] in ",;:" or text[0] in "-*#>(":
        return False
    if text[-1] in _SENTENCE_END and not _INITIAL_END.search(text):
        return False
    names = AUTHOR_SEPARATORS.split(text)
    for name in names:
        if not name.strip() or len(name) > 60 or len(name.split()) > 6:
            return False
        if ". " in name and name[-1] == ".":
            return False  # a sentence, not a name
    if before_vote:
        return True
    return len(names) >= 2 and all(_name_like(name.strip()) for name in names)


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in _SENTENCE_END


class _Abstract:
    __slots__ = ("authors", "line", "lines", "votes")

    def __init__(self, line: int, authors: list[str], votes: int | None) -> None:
        self.line = line
        self.lines: list[str] = []
        self.authors = authors
        self.votes = votes

    def text(self) -> str:
        return " ".join(part.strip() for part in self.lines)


def _starts_new(current: _Abstract, line: str) -> bool:
    """Whether ``line`` begins a new abstract rather than continuing ``current``."""
    if not current.lines:
        return False
    previous = current.lines[-1]
    if len(previous) > WRAPPED_LINE_MAX or len(line) > WRAPPED_LINE_MAX:
        return True
    if not _ends_sentence(previous):
        return False
    width = max(max(len(part) for part in current.lines), len(line))
    return len(previous) < width * LAST_LINE_RATIO


def split_abstracts(lines: list[str], path: str) -> tuple[list[_Abstract], list[Problem]]:
    """Group lines into abstracts, attaching each authors and vote line to the next one."""
    abstracts: list[_Abstract] = []
    problems: list[Problem] = []
    authors: list[str] = []
    votes: int | None = None
    current: _Abstract | None = None
    count = len(lines)
    for index, line in enumerate(lines):
        if not line.strip():
            current = None
            continue
        if len(line) > LONG_LINE and path:
            message = f"line is very long ({len(line):,} characters)"
            problems.append(Problem(path=path, line=index + 1, message=message))
        vote = _VOTE_ONLY.match(line)
        if vote:
            value, complaint = parse_votes(vote.group(1))
            if complaint:
                problems.append(Problem(path=path, line=index + 1, message=complaint))
            votes, current = value, None
            continue
        following = lines[index + 1] if index + 1 < count else ""
        if looks_like_authors(line, _VOTE_ONLY.match(following) is not None):
            authors, current = split_authors(line), None
            continue
        if current is None or _starts_new(current, line):
            current = _Abstract(index + 1, authors, votes)
            abstracts.append(current)
            authors, votes = [], None
        current.lines.append(line)
    return abstracts, problems


def _academic(text: str) -> bool:
    """Whether the start of ``text`` uses two different academic words (read up to the second)."""
    seen: set[str] = set()
    for match in _ACADEMIC.finditer(text[:2000]):
        seen.add(match.group().lower())
        if len(seen) >= 2:
            return True
    return False


def sniff_abstract_dump(lines: list[str]) -> bool:
    """True when the prose is mostly abstract-sized paragraphs, with no markdown headings.

    Authors and vote lines do not count as prose; a licence is never a dump.
    """
    if any(line.startswith("#") for line in lines):
        return False
    abstracts, _ = split_abstracts(lines, "")
    texts = [abstract.text() for abstract in abstracts]
    prose = sum(map(len, texts))
    long = [text for text in texts if len(text) >= MIN_ABSTRACT]
    if not prose or sum(map(len, long)) * 2 < prose:
        return False
    academic = sum(map(_academic, long))
    if academic * 2 < len(long):
        return False  # long prose, but not abstracts: notes, an essay
    return _LICENSE.search("\n".join(lines[:60])) is None


def read_abstract_dump(
    lines: list[str], path: str, fallback_date: date | None = None
) -> tuple[list[RawDigest], list[Problem]]:
    """Read a plain abstract dump into one raw digest dated ``fallback_date`` (often None)."""
    abstracts, problems = split_abstracts(lines, path)
    papers = []
    count = PaperCount()
    for abstract in abstracts:
        if not count.admit(abstract.line):
            continue
        text = abstract.text()
        paper = {
            "title": derive_title(text),
            "title_derived": True,
            "votes": abstract.votes,
            "authors": abstract.authors,
            "sections": [{"heading": ABSTRACT_HEADING, "items": [text]}],
        }
        for said in limit_paper(paper):
            problems.append(Problem(path=path, line=abstract.line, message=said))
        papers.append(paper)
    problems.extend(count.problems(path))
    if not papers:
        return [], problems
    return [{"date": fallback_date, "sources": [path], "papers": papers}], problems
