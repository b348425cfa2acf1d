"""The most frequent words of titles, English and Korean, without stop words.

Words are taken as search sees them (NFKC, case-folded, :func:`tui.archive.text.tokens`),
so a keyword searched for finds the titles it was counted in. Korean words lose a trailing
particle (모델을 → 모델) when what stays is still a word of two syllables or more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

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
    counts: Counter[str] = Counter()
    for title in titles:
        counts.update({stem(word) for word in tokens(normalize(title))} - {""})
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))  # ties: A to Z
    return [(word, n) for word, n in ranked if is_keyword(word)][:limit]
