"""The most frequent words of titles, English and Korean, without stop words.

Words are taken as search sees them (NFKC, case-folded, :func:`tui.archive.text.tokens`),
so a keyword searched for finds the titles it was counted in. Korean words lose a trailing
particle (모델을 → 모델) when what stays is still a word of two syllables or more.

English plurals count with their singular (``models`` with ``model``, ``llms`` with
``llm``), by a conservative rule (:func:`singular`): only an ``-s`` or ``-es`` taken off
when the titles hold the word without it, never from words that end like a singular
(``analysis``, ``bias``, ``class``, ``corpus``, ``robotics``). ``-ies`` is not made ``-y``:
the keyword is searched for, and ``policy`` does not find ``policies`` (a word matches the
start of a word), while ``model`` finds ``models``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable

from tui.archive.text import normalize, tokens

ENGLISH_STOP_WORDS = frozenset(
    """
    a an the and or but nor of for to in on at by with from into onto over under via as is are
    was were be been being it its this that these those than then there their our your we you
    they he she his her i me my not no yes do does did can could should would will may might
    must shall about above after again against all also any both each few more most other
    some such only own same so too very just up down out off once here when where why how what
    which who whom while during before between through until toward towards within without
    across along among around beyond per versus vs using use based new via towards beyond
    one two three first second non pre multi large small high low better best good
    """.split()
)

KOREAN_STOP_WORDS = frozenset(
    """
    및 또는 그리고 위한 위해 통한 통해 대한 대해 관한 기반 기반의 있는 없는 하는 되는 이를 이 그 저
    것 수 등 더 새로운 방법 연구 제안 대규모 활용 사용 이용 중심 향한 가능한
    우리 어떤 이러한 또한 다양한 것으로 주로 특히 매우 가장 함께 다른 모든 같은 여러 논문 본 이번
    """.split()
)

_PARTICLES = (
    "에서는", "으로는", "에서의", "에게서", "에서", "으로", "에게", "까지", "부터", "보다", "처럼",
    "과의", "와의", "을", "를", "이", "가", "은", "는", "의", "에", "로", "와", "과", "도", "만",
)  # fmt: skip


_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics", "ies")
"""Endings of English words that are singular (``class``, ``corpus``, ``analysis``), whose
``-s`` names a field (``robotics``), or whose singular search would not find (``-ies``)."""

NOT_PLURALS = frozenset(
    """
    news means lens gas bias atlas canvas alias always perhaps whereas series species
    pros cons thanks goods arms glasses physics
    """.split()
)
"""English words ending in ``s`` that are not the plural of the word without it."""

_ES_AFTER = ("s", "x", "z", "ch", "sh")  # processes, boxes, patches: -es is the ending


def singular(word: str, known: Container[str]) -> str:
    """The singular of an English plural ``word``, when ``known`` (the words seen) holds it;
    else ``word`` itself. Conservative: a word of fewer than four letters, one that ends
    like a singular (:data:`_NOT_PLURAL_ENDINGS`) or that :data:`NOT_PLURALS` names, and
    any word not of plain ASCII letters, stays as it is."""
    if (
        len(word) < 4
        or not word.endswith("s")
        or not (word.isascii() and word.isalpha())
        or word.endswith(_NOT_PLURAL_ENDINGS)
        or word in NOT_PLURALS
    ):
        return word
    if word[:-1] in known:  # models → model, caches → cache
        return word[:-1]
    if word.endswith("es") and word[:-2].endswith(_ES_AFTER) and word[:-2] in known:
        return word[:-2]  # processes → process
    return word


def is_hangul(word: str) -> bool:
    return any("\uac00" <= char <= "\ud7a3" for char in word)


def stem(word: str) -> str:
    """``word`` without a trailing Korean particle (English words stay as they are)."""
    if not is_hangul(word):
        return word
    for particle in _PARTICLES:  # the longest first: 것으로 ends in 으로, not in 로
        if word.endswith(particle):
            return word[: -len(particle)] if len(word) - len(particle) >= 2 else word
    return word


def is_keyword(word: str) -> bool:
    """True for a word that can say what a text is about: no stop word, number or letter."""
    if word.isdigit() or len(word) < 2:
        return False
    if is_hangul(word):
        return word not in KOREAN_STOP_WORDS
    return len(word) >= 3 and word not in ENGLISH_STOP_WORDS


def top_keywords(titles: Iterable[str], limit: int = 12) -> list[tuple[str, int]]:
    """The ``limit`` words found in most titles (each title counts a word once); ties
    alphabetically."""
    words = [{stem(word) for word in tokens(normalize(title))} - {""} for title in titles]
    known = set().union(*words)
    counts: Counter[str] = Counter()
    for title_words in words:
        counts.update({singular(word, known) for word in title_words})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))  # ties: A to Z
    return [(word, n) for word, n in ranked if is_keyword(word)][:limit]
