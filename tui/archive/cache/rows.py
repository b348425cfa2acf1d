"""Papers in and out of the cache's rows: JSON for copies, columns for merged headers.

A merged paper's row id is its rank key: votes (most first), then day (newest first), then
a serial number. The full-text index returns row ids in ascending order, so the first
matches it gives are the best ones, and a ``votes:>=N`` term is a row id bound.
"""

from __future__ import annotations

import json
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

from parsers import Paper, Section

MAX_VOTES = 1 << 20
DAY_BITS = 20
SERIAL_BITS = 22
_NO_DAY = 0
AUTHOR_SEPARATOR = "\x1f"

HEAD_COLUMNS = (
    "id, day, position, pid, title, title_derived, url, arxiv_id, votes, authors, "
    "thumbnail, video, body_file, body_ordinal, more_bodies"
)

CopyRef = tuple[int, int]
"""A copy of a paper in the cache: (file id, ordinal)."""
BodyRef = tuple[CopyRef, ...]
"""The copies whose sections make a merged paper's body, in file order (one per source)."""


def rank_key(votes: int | None, day: date | None, serial: int) -> int:
    """The row id ordering papers best first: most votes, then newest day."""
    vote_rank = MAX_VOTES - 1 - min(max(votes if votes is not None else -1, -1) + 1, MAX_VOTES - 1)
    day_rank = (1 << DAY_BITS) - 1 - (day.toordinal() if day else _NO_DAY)
    return (
        (vote_rank << (DAY_BITS + SERIAL_BITS))
        | (day_rank << SERIAL_BITS)
        | (serial & ((1 << SERIAL_BITS) - 1))
    )


@dataclass(slots=True)
class SectionRecord:
    """A section as plain data (what merging and indexing need; no validation)."""

    heading: str | None
    items: list[str]
    source: str | None = None


@dataclass(slots=True)
class PaperRecord:
    """A parsed paper as plain data: cheap to build for every paper of a cold archive."""

    title: str
    title_derived: bool
    url: str | None
    arxiv_id: str | None
    votes: int | None
    authors: list[str]
    thumbnail: str | None
    video: str | None
    sections: list[Any]

    @classmethod
    def of(cls, fields: dict[str, Any]) -> PaperRecord:
        """From a parser's plain data (or a copy's JSON, read back)."""
        return cls(
            fields["title"],
            bool(fields.get("title_derived")),
            fields.get("url"),
            fields.get("arxiv_id"),
            fields.get("votes"),
            list(fields.get("authors") or []),
            fields.get("thumbnail"),
            fields.get("video"),
            [
                SectionRecord(
                    section.get("heading"), list(section.get("items") or []), section.get("source")
                )
                for section in fields.get("sections") or []
                if isinstance(section, dict)
            ],
        )


def unpack(blob: bytes) -> str:
    """A copy's paper as JSON text (ValueError, or zlib.error, when it is not one)."""
    return zlib.decompress(blob).decode("utf-8")


def _unpacked(blob: bytes) -> Any:
    return json.loads(unpack(blob))


def record_from_json(blob: bytes) -> PaperRecord:
    """A copy's paper as plain data; ValueError when the data is not one."""
    data = _unpacked(blob)
    if not isinstance(data, dict) or not isinstance(data.get("title"), str):
        raise ValueError("not a paper")
    return PaperRecord.of(data)


def body_text(blob: bytes) -> str:
    """Every item of a copy's sections, joined: what the index holds as the body."""
    data = _unpacked(blob)
    sections = data.get("sections") if isinstance(data, dict) else None
    return " ".join(
        item for section in sections or [] if isinstance(section, dict)
        for item in section.get("items") or []
    )  # fmt: skip


def sections_text(sections: list[SectionRecord]) -> str:
    """:func:`body_text` of a copy read already (its sections as :class:`PaperRecord` has
    them, before a merge adds others' to them)."""
    return " ".join(item for section in sections for item in section.items)


def paper_json(fields: dict[str, Any]) -> bytes:
    """A parsed paper (plain data, as the parsers give it) for the ``copies`` table: JSON,
    compressed (summaries are long and repetitive; a third of the size, quick to unpack)."""
    return zlib.compress(paper_text(fields), 1)


def paper_text(fields: dict[str, Any]) -> bytes:
    """:func:`paper_json` before it is compressed (see :func:`packed`)."""
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_PACKER: ThreadPoolExecutor | None = None
PACK_SPLIT = 64  # papers below which packing is not worth a second thread


def packed(texts: list[bytes]) -> list[bytes]:
    """:func:`paper_json` of many papers' :func:`paper_text`, half of them compressed in a
    second thread: zlib lets go of the interpreter while it works, and it is a fifth of a
    cold fill's time."""
    global _PACKER
    if len(texts) < PACK_SPLIT:
        return [zlib.compress(text, 1) for text in texts]
    if _PACKER is None:
        _PACKER = ThreadPoolExecutor(1, thread_name_prefix="paperdeck-pack")
    half = len(texts) // 2
    later = _PACKER.submit(_compressed, texts[half:])
    return _compressed(texts[:half]) + later.result()


def _compressed(texts: list[bytes]) -> list[bytes]:
    return [zlib.compress(text, 1) for text in texts]


def sections_from(raw: list[Any]) -> list[Section]:
    return [
        Section(heading=s.get("heading"), items=list(s.get("items") or []), source=s.get("source"))
        for s in raw
        if isinstance(s, dict)
    ]


def refs_text(refs: BodyRef) -> str | None:
    """The ``more_bodies`` column: the copies after the first (None when there are none)."""
    return " ".join(f"{file_id}:{ordinal}" for file_id, ordinal in refs[1:]) or None


def more_refs(more: object) -> list[CopyRef]:
    """The copies a ``more_bodies`` column names."""
    refs = []
    for ref in more.split() if isinstance(more, str) else ():
        file_text, _, ordinal_text = ref.partition(":")
        refs.append((int(file_text), int(ordinal_text)))
    return refs


def body_refs(file_id: int | None, ordinal: int | None, more: object) -> BodyRef | None:
    """A paper's body copies from its ``body_file``, ``body_ordinal`` and ``more_bodies``."""
    if file_id is None or ordinal is None:
        return None
    return ((int(file_id), int(ordinal)), *more_refs(more))


def sections_json(blob: bytes) -> list[Section]:
    """The sections of a copy's paper."""
    return sections_of_text(unpack(blob))


def sections_of_text(text: str) -> list[Section]:
    """The sections of a copy's paper given as JSON text."""
    data = json.loads(text)
    return sections_from(data.get("sections") or []) if isinstance(data, dict) else []


def head_from_row(row: tuple[Any, ...]) -> Paper:
    """A merged paper's header (no sections) from a ``papers`` row in HEAD_COLUMNS order."""
    return Paper(
        title=row[4],
        title_derived=bool(row[5]),
        url=row[6],
        arxiv_id=row[7],
        votes=row[8],
        authors=row[9].split(AUTHOR_SEPARATOR) if row[9] else [],
        thumbnail=row[10],
        video=row[11],
        sections=[],
    )


def day_text(day: date | None) -> str | None:
    return day.isoformat() if day else None


def day_from_text(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
