"""Synthetic digest archives in the markdown format, for benchmarks and trying the app.

    uv run python -m tests.benchmarks.archive OUT_DIR [--days 3650] [--papers N] [--dumps]

writes ``OUT_DIR/paper_logs/YYYY/MM/DD.md`` (one file a day, newest day today-ish) and a
``README.md`` carrying the newest day, like a clone of a real digest repository.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

_KO_WORDS = (
    "대규모 언어 모델 멀티모달 강화 학습 추론 성능 벤치마크 데이터셋 아키텍처 효율적인 새로운 "
    "방법 제안 실험 결과 기존 접근법 비교 개선 토큰 파라미터 훈련 미세 조정 평가 생성 확산 "
    "이미지 비디오 오디오 텍스트 검색 증강 에이전트 계획 보상 모델 정책 최적화 압축 캐시 "
    "주의 메커니즘 트랜스포머 인코더 디코더 표현 학습 일반화 견고성 정확도 지연 시간 메모리 "
    "처리량 확장성 오픈소스 공개 프레임워크 파이프라인 단계 모듈 통합 분석 검증 한계 향상"
).split()
_KO_ENDINGS = (
    "을 제안합니다.|를 달성했습니다.|에서 우수한 성능을 보였습니다.|"
    "을 크게 개선합니다.|를 통해 효율성을 높였습니다.|이 가능함을 보여줍니다."
).split("|")
_EN_TERMS = (
    "LLM|MoE|RLHF|KV cache|ViT|DiT|LoRA|RAG|CoT|GRPO|MMLU|GSM8K|HumanEval|Qwen2.5|Llama 3|SigLIP"
).split("|")
_TITLE_WORDS = (
    "Scaling Efficient Reasoning Multimodal Diffusion Sparse Adaptive Unified Learning Agents "
    "Language Models Vision Transformers Reward Optimization Memory Retrieval Generation Video "
    "Planning Alignment Benchmark Compression Attention Long Context Tokens Policy Robust"
).split()
_FIRST = (
    "Wei Jian Min Seo-yeon Ji-ho Anna Lukas Priya Omar Chen Yuki Mateo Sofia Daniel Hyun Xin "
    "Arjun Elena Kenji Li"
).split()
_LAST = (
    "Zhang Kim Park Li Wang Müller Sharma Haddad Tanaka García Rossi Lee Chen Liu Nguyen Patel "
    "Ivanova Sato"
).split()
SECTIONS = ("What's New", "Technical Details", "Performance Highlights")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_KO_WORDS, k=rng.randint(6, 11))
    position = rng.randrange(len(words))
    words[position] = f"{words[position]}({rng.choice(_EN_TERMS)})"
    return " ".join(words) + rng.choice(_KO_ENDINGS)


def _body(rng: random.Random) -> str:
    text = ""
    while len(text) < rng.randint(140, 300):
        text = f"{text} {_sentence(rng)}".strip()
    return text


def _authors(rng: random.Random) -> str:
    names = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.randint(2, 24))]
    if rng.random() < 0.1:  # a generator that repeats names and cuts the list with "+"
        names = [name for name in names for _ in (0, 1)] + ["+"]
    return ", ".join(names)


def _summary(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.62:  # the common generator layout: the fast path reads it
        return "\n".join(f"- ***{name}***: {_body(rng)}" for name in SECTIONS)
    if shape < 0.9:  # plain bullets, as older digests have
        return "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(3, 6)))
    # bold headings with nested bullets: the general line reader
    return "\n".join(f"- **{name}**: {_sentence(rng)}\n  - {_sentence(rng)}" for name in SECTIONS)


def _paper(rng: random.Random, day: date, index: int) -> str:
    arxiv = f"{day:%y%m}.{rng.randint(0, 99999):05d}"
    title = " ".join(rng.sample(_TITLE_WORDS, rng.randint(3, 8)))
    votes = rng.randint(1, 120) if rng.random() < 0.93 else "-"
    return (
        f"### [{title} {index}](https://arxiv.org/abs/{arxiv})\n\n"
        f"![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{arxiv}.png)\n\n"
        f"Vote: {votes}\n\nAuthors: {_authors(rng)}\n\n{_summary(rng)}\n"
    )


def _dump(rng: random.Random) -> str:
    """A plain dump of abstracts: no titles, no votes, no dates."""
    return (
        "\n\n".join(" ".join(_sentence(rng) for _ in range(rng.randint(4, 8))) for _ in range(3))
        + "\n"
    )


def day_text(rng: random.Random, day: date, papers: int) -> str:
    """One day's digest in the markdown format."""
    body = "\n".join(_paper(rng, day, index) for index in range(papers))
    return f"## Daily Papers ({day.isoformat()})\n\n{body}"


PAPERS_A_DAY = (15, 30)
DUMP_EVERY = 30  # days: a plain dump of abstracts, dated by its file name


def generate_archive(
    root: Path,
    days: int = 3650,
    papers: int | tuple[int, int] = PAPERS_A_DAY,
    seed: int = 7,
    newest: date | None = None,
    dumps: bool = False,
) -> list[Path]:
    """Write a ``paper_logs/YYYY/MM/DD.md`` archive of ``days`` days under ``root``.

    ``papers`` a day: a number, or a (low, high) range drawn from for each day. With
    ``dumps``, every ``DUMP_EVERY`` days also get a plain dump of abstracts.
    """
    rng = random.Random(seed)
    newest = newest or date(2025, 7, 17)
    written: list[Path] = []
    text = ""
    for offset in range(days):
        day = newest - timedelta(days=days - 1 - offset)
        path = root / "paper_logs" / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        count = papers if isinstance(papers, int) else rng.randint(*papers)
        text = day_text(rng, day, count)
        path.write_text(text, encoding="utf-8")
        written.append(path)
        if dumps and offset % DUMP_EVERY == 0:
            dump = root / "abstracts" / f"{day:%Y%m%d}.txt"
            dump.parent.mkdir(parents=True, exist_ok=True)
            dump.write_text(_dump(rng), encoding="utf-8")
            written.append(dump)
    readme = (
        f"# Daily Papers\n\n## Project Description\n\nSynthetic archive.\n\n{text}\n## License\n"
    )
    (root / "README.md").write_text(readme, encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--papers", type=int, help="papers a day (default: 15 to 30)")
    parser.add_argument("--dumps", action="store_true", help="add plain dumps of abstracts")
    args = parser.parse_args()
    files = generate_archive(args.out, args.days, args.papers or PAPERS_A_DAY, dumps=args.dumps)
    size = sum(path.stat().st_size for path in files)
    print(f"wrote {len(files)} days, {size / 2**20:.1f} MiB under {args.out}")


if __name__ == "__main__":
    main()


@contextmanager
def isolated_user_dirs() -> Iterator[Path]:
    """Point paperdeck's data, config, state and cache dirs at a temp dir (benchmarks, shots)."""
    names = (
        "PAPERDECK_DATA_DIR",
        "PAPERDECK_CONFIG_DIR",
        "PAPERDECK_STATE_DIR",
        "PAPERDECK_CACHE_DIR",
    )
    saved = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory(prefix="paperdeck-user-") as home:
        for name in names:
            os.environ[name] = os.path.join(home, name.lower())
        try:
            yield Path(home)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def add_archive_options(parser: argparse.ArgumentParser, runs: int = 15) -> None:
    """``--days``, ``--papers``, ``--runs``, ``--archive DIR`` and ``--cache-dir DIR``."""
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--papers", type=int, default=30)
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--archive", type=Path, help="an archive to use instead of a new one")
    parser.add_argument("--cache-dir", type=Path, help="keep the cache here (default: temp)")


def run_on_archive(args: argparse.Namespace, run: Callable[[Path, Path, int], None]) -> None:
    """``run(archive, cache_dir, runs)`` on ``--archive`` or a new synthetic one."""
    with tempfile.TemporaryDirectory(prefix="paperdeck-bench-") as tmp:
        archive = args.archive
        if archive is None:
            archive = Path(tmp) / "archive"
            generate_archive(archive, args.days, args.papers)
        run(archive, args.cache_dir or Path(tmp) / "cache", args.runs)
