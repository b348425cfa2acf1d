"""Exports are data for other programs: no title, link, name, tag or note can add a
BibTeX field or entry, run as a formula in a spreadsheet, or leave its Markdown link."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime

from tui.userdata.bookmarks import Bookmark
from tui.userdata.export import to_bibtex, to_csv, to_markdown

BREAK_OUT = "x},note={injected},y={"
HOSTILE = Bookmark(
    id="h1",
    title=f"A {BREAK_OUT} title with }} and {{{{ and $\\}}$",
    url=f"https://example.org/a{BREAK_OUT})[click](javascript:alert(1))\\b",  # a web link
    arxiv_id="2507.00001",
    date=date(2025, 7, 17),
    votes=4,
    authors=["Ann Lee and Bo Kim", f"Cy {BREAK_OUT}"],
    bookmarked_at=datetime(2025, 7, 18, tzinfo=UTC),
    starred=True,
    tags=["a}b", "x`y"],
    note="}}}\n@misc{evil, title={pwned}}\n\n# A heading\n[link](javascript:alert(1))",
)
FIELDS = {"title", "author", "year", "eprint", "archivePrefix", "url", "keywords", "annote"}


def bibtex_entries(text: str) -> list[tuple[str, dict[str, str]]]:
    """Entries as BibTeX reads them: text outside an entry is a comment; a value in braces
    ends at the brace that balances its first one, whatever backslash comes before it
    (BibTeX counts every brace); ``name = word`` values end at a comma."""
    entries = []
    index = 0
    while (at := text.find("@", index)) >= 0:
        head = re.compile(r"@(\w+)\s*\{\s*([^,\s}]*)\s*,?").match(text, at)
        if head is None:  # not an entry: BibTeX skips it
            index = at + 1
            continue
        index, fields = head.end(), {}
        while True:
            index = len(text) - len(text[index:].lstrip())
            if text.startswith("}", index):
                index += 1
                break
            name = re.compile(r"(\w+)\s*=\s*").match(text, index)
            assert name is not None, text[index : index + 40]
            index = name.end()
            if text.startswith("{", index):
                depth, start = 0, index
                for index in range(start, len(text)):
                    depth += {"{": 1, "}": -1}.get(text[index], 0)
                    if depth == 0:
                        break
                value, index = text[start + 1 : index], index + 1
            else:
                end = re.compile(r"[^,}]*").match(text, index).end()  # type: ignore[union-attr]
                value, index = text[index:end].strip(), end
            fields[name.group(1)] = value
            index = len(text) - len(text[index:].lstrip())
            if text.startswith(",", index):
                index += 1
        entries.append((head.group(2), fields))
    return entries


def test_the_bibtex_reader_sees_a_break_out() -> None:
    """The reader above is strict enough to catch the attack the export must stop."""
    forged = "@misc{k,\n  note = {a \\},evil={b}\n}\n@misc{j, x = {{y}}}"
    assert bibtex_entries(forged) == [("k", {"note": "a \\", "evil": "b"}), ("j", {"x": "{y}"})]


def test_bibtex_fields_hold_whatever_the_bookmark_holds() -> None:
    [(key, fields)] = bibtex_entries(to_bibtex([HOSTILE]))
    assert re.fullmatch(r"kim2025\w+", key)
    assert set(fields) == FIELDS
    assert "injected" in fields["title"] and "pwned" in fields["annote"]
    assert fields["url"] == (
        "https://example.org/ax%7D,note=%7Binjected%7D,y=%7B)[click](javascript:alert(1))%5Cb"
    )
    assert fields["author"].startswith("{Ann Lee and Bo Kim} and Cy ")


def test_csv_cells_never_start_a_formula() -> None:
    formulas = Bookmark(
        id="=1+1",
        title='=HYPERLINK("http://evil","click")',
        url="https://arxiv.org/abs/2507.00001",
        authors=["+cmd|' /C calc'!A0", "Ann"],
        bookmarked_at=datetime(2025, 7, 18, tzinfo=UTC),
        tags=["=2+3"],
        note="@SUM(1+1)",
    )
    rows = list(csv.reader(io.StringIO(to_csv([formulas, HOSTILE.copy(
        title="\tTab", note="\rReturn", authors=["-Dash"])]))))  # fmt: skip
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["title"] == '\'=HYPERLINK("http://evil","click")'
    assert (first["id"], first["authors"], first["tags"], first["note"]) == (
        "'=1+1", "'+cmd|' /C calc'!A0; Ann", "'=2+3", "'@SUM(1+1)",
    )  # fmt: skip


def test_markdown_titles_and_links_stay_inside_their_line() -> None:
    broken = HOSTILE.copy(title="A ] title ) with\nline [x](y) breaks")
    lines = to_markdown([broken]).split("\n")
    [entry] = [line for line in lines if line.startswith("- ")]
    assert entry.startswith(
        "- [A \\] title ) with line \\[x\\](y) breaks](https://example.org/ax},note={injected},"
        "y={%29[click]%28javascript:alert%281%29%29%5Cb) — "
    )
    link = re.match(r"- \[(?:\\.|[^\]\\])*\]\(([^)\s]*)\)", entry)
    assert link is not None and "javascript" in link.group(1) and " " not in link.group(1)
    assert "  Tags: `#a}b` `` #x`y ``" in lines
    start = lines.index("  > }}}")
    assert lines[start : start + 5] == [
        "  > }}}",
        "  > @misc{evil, title={pwned}}",
        "  >",
        "  > # A heading",
        "  > [link](javascript:alert(1))",
    ]  # fmt: skip: the note as written, each line inside the quote
    assert [line for line in lines if line.startswith(("#", "@", "["))] == [
        "# Bookmarks", "## 2025-07-17",
    ]  # fmt: skip
