"""The line reader: headings open days and papers; other lines go to the paper being read."""

from __future__ import annotations

from datetime import date
from itertools import islice

from parsers.dates import find_date_text, make_date
from parsers.limits import PaperCount, limit_paper
from parsers.markdown.body import read_body_line
from parsers.markdown.canonical import PAPERS, canonical_paper, read_canonical
from parsers.markdown.draft import Draft, PaperFields
from parsers.markdown.syntax import DAY_WORDS, LONG_LINE, is_bare_date, split_link
from parsers.models import Digest, Problem, RawDigest, Severity, digest_from_raw
from parsers.paper_fields import arxiv_id_from_url, clean_title
from parsers.web_links import is_web_link, not_a_web_link


class MarkdownReader:
    """Reads one file; ``days`` holds each day header's papers as plain data, in order."""

    def __init__(self, path: str, fallback_date: date | None) -> None:
        self.path = path
        self.fallback_date = fallback_date
        self.problems: list[Problem] = []
        self.days: list[tuple[date | None, list[PaperFields]]] = []
        self.papers: list[PaperFields] | None = None
        self.in_day = False
        self.draft: Draft | None = None
        self.count = PaperCount()
        self.text = ""
        self.counted_to = 0  # line_at has counted the newlines of the text before it
        self.counted_lines = 0

    def problem(self, line: int, message: str, severity: Severity = "warning") -> None:
        self.problems.append(Problem(path=self.path, line=line, severity=severity, message=message))

    # -- papers and days -------------------------------------------------------------

    def finish_paper(self) -> None:
        draft, self.draft = self.draft, None
        if draft is None:
            return
        if not draft.title:
            if draft.url is None:
                self.problem(draft.line, "paper heading has neither title nor link; skipped")
                return
            draft.title = draft.url
            self.problem(draft.line, "paper heading has no title; showing its link instead")
        self.add_paper(draft.build(), draft.line)

    def add_paper(self, paper: PaperFields, line: int, may_exceed: bool = True) -> None:
        if not self.count.admit(line):
            return
        if may_exceed:
            for said in limit_paper(paper):
                self.problem(line, said)
        if self.papers is None:
            self.start_day(self.fallback_date)
        assert self.papers is not None
        self.papers.append(paper)

    def start_day(self, day: date | None) -> None:
        self.papers = []
        self.days.append((day, self.papers))

    def start_paper(self, title: str, url: str | None, level: int, lineno: int) -> None:
        self.finish_paper()
        title, cut = clean_title(title)
        if cut:
            self.problem(lineno, "title is very long; it was shortened")
        if url is not None and not is_web_link(url):
            self.problem(lineno, not_a_web_link("the paper's link", url))
            url = None
        self.draft = Draft(title, url, level, lineno)

    # -- headings --------------------------------------------------------------------

    def heading(self, line: str, lineno: int) -> bool:
        """Read a heading line; False when it is not a heading after all (``#tag``)."""
        level = len(line) - len(line.lstrip("#"))
        if level > 6 or (len(line) > level and line[level] not in " \t"):
            return False
        text = line[level:].strip().rstrip("#").strip()
        if not text:
            return True
        if text.startswith("["):
            link = split_link(text)
            if link is not None:
                title, url = link
                if level >= 3 or (level == 2 and (self.in_day or arxiv_id_from_url(url))):
                    self.start_paper(title, url or None, level, lineno)
                    return True
                text = title  # a linked title of a README or section, not a paper
            elif level >= 2 and "](" not in text and "]" not in text:
                self.start_paper(text[1:], None, level, lineno)
                self.problem(lineno, "paper heading's link is incomplete; read the title only")
                return True
        if DAY_WORDS.search(text) or (level <= 3 and is_bare_date(text)):
            self.day_header(text, lineno)
            return True
        draft = self.draft
        if draft is not None and level > draft.level:
            draft.sections.append((text, []))
            return True
        if level >= 3 and self.in_day and text:
            self.start_paper(text, None, level, lineno)
            return True
        self.finish_paper()
        if level <= 2:
            self.in_day = False
        return True

    def day_header(self, text: str, lineno: int) -> None:
        self.finish_paper()
        match = find_date_text(text)
        if match is None:
            self.in_day = False  # a title such as "# Daily Papers"
            return
        found = make_date(*match.groups())
        if found is None:
            fallback = self.fallback_date.isoformat() if self.fallback_date else "no date"
            self.problem(
                lineno,
                f"day header has an invalid date {match.group(0)!r}; using {fallback}",
                "error",
            )
            found = self.fallback_date
        self.in_day = True
        self.start_day(found)

    # -- whole files -----------------------------------------------------------------

    def read_lines(self, lines: list[str], first_lineno: int) -> None:
        """The general path: line by line through the state machine."""
        for lineno, line in enumerate(lines, first_lineno):
            if not line or line.isspace():
                if self.draft is not None:
                    self.draft.blank = True
                    self.draft.authors_open = False
                continue
            if len(line) > LONG_LINE:
                self.problem(lineno, f"line is very long ({len(line):,} characters)")
            if line[0] == "#" and self.heading(line, lineno):
                continue
            draft = self.draft
            if draft is None:
                continue
            read_body_line(draft, line, lineno, self.problem)
            draft.blank = False

    def read(self, text: str) -> None:
        """Read a whole file: papers in the common layout found at once, the rest (and a
        paper the pattern takes but its checks do not) block by block."""
        self.text = text
        done = 0  # the text before it is read
        for match in PAPERS.finditer(text):
            start = match.start()
            if match.end() - start > LONG_LINE:
                continue
            found = canonical_paper(match)
            if found is None:
                continue
            if start > done or not done:
                self.read_blocks(done, start)
            if self.draft is not None:
                self.finish_paper()
            paper, may_exceed = found
            if may_exceed or not self.count.admit_without_line():
                self.add_paper(paper, self.line_at(start + 1), may_exceed)
            else:
                if self.papers is None:
                    self.start_day(self.fallback_date)
                assert self.papers is not None
                self.papers.append(paper)
            done = match.end()
        if done < len(text) or not done:
            self.read_blocks(done, len(text))
        self.finish_paper()

    def line_at(self, index: int) -> int:
        """The line of ``self.text[index]``, counted on from the last line asked for."""
        self.counted_lines += self.text.count("\n", self.counted_to, index)
        self.counted_to = index
        return self.counted_lines + 1

    def read_blocks(self, start: int, end: int) -> None:
        """Read ``self.text[start:end]`` block by block (a block runs from one heading to
        the next); ``start`` is 0 or the newline before a heading."""
        # Splitting at "\n#" cuts before every heading and drops its first "#"; from the
        # start of the file, an added newline makes the first block start at (blank) line 0.
        if start:
            blocks = self.text[start:end].split("\n#")
            lineno = self.line_at(start)
        else:
            blocks = f"\n{self.text[:end]}".split("\n#")
            self.read_lines(blocks[0].split("\n"), 0)
            lineno = blocks[0].count("\n")
        last = len(blocks) - 1
        for number, block in enumerate(islice(blocks, 1, None), 1):
            lineno += 1
            if (
                block.startswith("## [")
                and len(block) < LONG_LINE
                and (number == last or not blocks[number + 1].startswith("###"))  # no sub-heading
            ):
                paper = read_canonical(block)
                if paper is not None:
                    self.finish_paper()
                    self.add_paper(paper, lineno)
                    lineno += block.count("\n")
                    continue
            lines = f"#{block}".split("\n")
            self.read_lines(lines, lineno)
            lineno += len(lines) - 1

    def raw_digests(self) -> list[RawDigest]:
        return [
            {"date": day, "sources": [self.path], "papers": papers}
            for day, papers in self.days
            if papers
        ]


def read_markdown_digest(
    text: str, path: str, fallback_date: date | None = None
) -> tuple[list[RawDigest], list[Problem]]:
    """Read a markdown digest into one raw digest (plain dicts) per day header, in order.

    Papers before any day header (or in a file without one) take ``fallback_date``,
    usually the date the file's path names.
    """
    reader = MarkdownReader(path, fallback_date)
    reader.read(text)
    return reader.raw_digests(), reader.problems + reader.count.problems(path)


def parse_markdown_digest(
    text: str, path: str, fallback_date: date | None = None
) -> tuple[list[Digest], list[Problem]]:
    """Read a markdown digest into one :class:`Digest` per day header, in file order."""
    raw, problems = read_markdown_digest(text, path, fallback_date)
    return [digest_from_raw(digest) for digest in raw], problems
