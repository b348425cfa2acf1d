"""How one paper looks in the detail pane, as a Rich renderable.

Digest text goes into ``rich.text.Text`` objects as plain strings, never through markup, so
``[bold]`` or ``[@click=…]`` in a title shows literally. Links carry Rich ``link`` styles,
which the terminal gets as OSC 8 hyperlinks: web addresses only, since a click opens them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from parsers import Paper, is_web_link
from parsers.sources import section_title, several_sources
from tui.archive.links import abs_url, pdf_url
from tui.terminal.glyphs import Glyphs

AUTHORS_FOLDED = 8
ITEM_LIMIT = 2_000
_LABELLED_LINK = re.compile(r"([^:\n]{1,40}): (https?://\S+)")


@dataclass(frozen=True)
class DetailStyles:
    """Styles from the current theme, so that the pane follows theme changes."""

    accent: Style
    muted: Style
    link: Style
    heading: Style
    tag: Style


@dataclass(frozen=True)
class DetailOptions:
    """What the reader asked to see of a paper."""

    all_authors: bool = False
    item_limit: int = ITEM_LIMIT


@dataclass(frozen=True)
class Annotation:
    """The reader's own words on a paper: a note, tags and the reading lists it is on."""

    note: str | None = None
    tags: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()


def _tags_line(tags: tuple[str, ...], styles: DetailStyles) -> Text:
    line = Text("Tags  ", style=styles.muted)
    for number, tag in enumerate(tags):
        line.append(f"{'  ' if number else ''}#{tag}", style=styles.tag)
    return line


def _lists_line(names: tuple[str, ...], styles: DetailStyles) -> Text:
    line = Text("Lists  ", style=styles.muted)
    line.append(" · ".join(names), style=styles.tag)
    return line


def _note_part(note: str, styles: DetailStyles, glyphs: Glyphs) -> list[RenderableType]:
    """The note under the sections: a heading, then its lines as written."""
    heading = Text(f"{glyphs.note} Your note", style=styles.accent)
    heading.append("  (e: edit)", style=styles.muted)
    return [Text(""), heading, Text(note)]


def longest_item(paper: Paper) -> int:
    return max((len(item) for s in paper.sections for item in s.items), default=0)


def _link(text: str, url: str, styles: DetailStyles) -> Text:
    """A terminal hyperlink to ``url``; plain text unless it is a web address."""
    if not is_web_link(url):
        return Text(text, style=styles.muted)
    return Text(text, style=styles.link + Style(link=url))


def _authors(paper: Paper, options: DetailOptions, styles: DetailStyles) -> Text:
    names = paper.authors
    shown = names if options.all_authors else names[:AUTHORS_FOLDED]
    line = Text("Authors  ", style=styles.muted)
    line.append(", ".join(shown))
    hidden = len(names) - len(shown)
    if hidden:
        line.append(f"  +{hidden} more (a: show all)", style=styles.muted)
    elif options.all_authors and len(names) > AUTHORS_FOLDED:
        line.append("  (a: fold)", style=styles.muted)
    return line


def _item_text(item: str, limit: int, styles: DetailStyles) -> Text:
    labelled = _LABELLED_LINK.fullmatch(item) if len(item) <= limit else None
    if labelled:  # "GitHub: https://…", as the feed's links are: the address a hyperlink
        text = Text(f"{labelled.group(1)}: ")
        return text.append_text(_link(labelled.group(2), labelled.group(2), styles))
    if len(item) <= limit:
        return Text(item)
    text = Text(item[:limit])
    hidden = len(item) - limit
    text.append(f" … {hidden:,} more characters (x: show more)", style=styles.muted)
    return text


def render_paper(
    paper: Paper,
    day: date | None,
    options: DetailOptions,
    styles: DetailStyles,
    glyphs: Glyphs,
    mine: Annotation | None = None,
) -> RenderableType:
    """The detail pane's content for ``paper`` (and the reader's note and tags on it)."""
    muted = styles.muted
    parts: list[RenderableType] = [Text(paper.title, style=styles.heading)]
    if paper.title_derived:
        parts.append(Text("(title taken from the abstract)", style=muted))
    facts = Text()
    votes = f"{glyphs.votes} {paper.votes:,} votes" if paper.votes is not None else "no votes"
    facts.append(votes, style=styles.accent)
    facts.append(f"  {day.isoformat() if day else 'undated'}", style=muted)
    parts.append(facts)
    link = abs_url(paper)
    if link:
        line = Text()
        if paper.arxiv_id:
            line.append(f"arXiv {paper.arxiv_id}  ", style=muted)
        line.append_text(_link(link, link, styles))
        parts.append(line)
    if paper.authors:
        parts.append(_authors(paper, options, styles))
    media = Text()
    for label, url in (
        ("PDF", pdf_url(paper)),
        ("Thumbnail", paper.thumbnail),
        ("Video", paper.video),
    ):
        if url:
            if media:
                media.append("  ")
            media.append_text(_link(label, url, styles))
    if media:
        parts.append(media)
    if mine is not None and mine.tags:
        parts.append(_tags_line(mine.tags, styles))
    if mine is not None and mine.lists:
        parts.append(_lists_line(mine.lists, styles))
    labelled = several_sources(paper.sections)
    for section in paper.sections:
        parts.append(Text(""))
        heading = section_title(section, labelled)
        if heading:
            parts.append(Text(heading, style=styles.accent))
        if len(section.items) == 1:  # a paragraph, not a list
            parts.append(_item_text(section.items[0], options.item_limit, styles))
            continue
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, width=1)
        grid.add_column(ratio=1, overflow="fold")
        for item in section.items:
            text = _item_text(item, options.item_limit, styles)
            grid.add_row(Text(glyphs.bullet, style=muted), text)
        parts.append(grid)
    if not paper.sections:
        parts.extend([Text(""), Text("(no summary in the digest)", style=muted)])
    if mine is not None and mine.note is not None:
        parts.extend(_note_part(mine.note, styles, glyphs))
    return Group(*parts)
