"""A synthetic corpus for the scale benchmarks, French or English: sentences recombined, actors substituted.

    .venv/bin/python benchmarks/corpus.py --articles 1000 --out /tmp/kg-corpus-1000 [--seed 20261121] [--lang en]
        [--source DIR ...]

Each article takes a title and 12 to 30 sentences and swaps the countries they
name for others from the gazetteer. French (the default) draws its sentences from
the seed articles (or from the articles of `--source`, e.g. the development corpus;
as cleaned by ingestion) and swaps feminine singular names for
feminine singular ones, so the French stays grammatical: "la Russie" may become
"la Turquie". English draws them from `english_sentences.txt` (news sentences
written for this benchmark) and swaps a country's name and its demonym together
("Poland", "Polish" may become "Egypt", "Egyptian"). Deterministic for a given
seed. Writes one `.txt` file per article.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from kg.ingest import read_articles
from kg.records import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ENGLISH_SENTENCES = Path(__file__).resolve().parent / "english_sentences.txt"
# Countries whose French name is feminine singular, takes "la" and starts with a consonant (no elision): they
# can stand for one another and the French stays grammatical.
FEMININE = ["Russie", "Chine", "Corée du Nord", "Corée du Sud", "France", "Turquie", "Syrie", "Pologne", "Grèce",
            "Hongrie", "Suède", "Norvège", "Finlande", "Roumanie", "Géorgie", "Jordanie", "Libye", "Tunisie",
            "Colombie"]  # fmt: skip
# English countries named without an article, with their demonyms: a name and its demonym are swapped together.
ENGLISH = {"Russia": "Russian", "China": "Chinese", "France": "French", "Germany": "German", "Japan": "Japanese",
           "India": "Indian", "Turkey": "Turkish", "Iran": "Iranian", "Brazil": "Brazilian", "Poland": "Polish",
           "Greece": "Greek", "Hungary": "Hungarian", "Sweden": "Swedish", "Norway": "Norwegian",
           "Finland": "Finnish", "Romania": "Romanian", "Libya": "Libyan", "Tunisia": "Tunisian",
           "Colombia": "Colombian", "Egypt": "Egyptian", "Pakistan": "Pakistani", "Canada": "Canadian",
           "Mexico": "Mexican", "Italy": "Italian", "Spain": "Spanish", "Ukraine": "Ukrainian", "Israel": "Israeli",
           "Syria": "Syrian", "Vietnam": "Vietnamese", "Indonesia": "Indonesian"}  # fmt: skip
SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÉÈÀÂÎÔ«])")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--lang", choices=["fr", "en"], default="fr")
    parser.add_argument("--source", type=Path, nargs="+", default=[SEEDS], help="French articles to draw from")
    args = parser.parse_args()
    words = write_corpus(args.out, args.articles, seed=args.seed, lang=args.lang, sources=args.source)
    print(f"{args.articles} articles, {words} words in {args.out}")


def write_corpus(
    folder: Path, count: int, *, seed: int = 20261121, lang: str = "fr", sources: list[Path] | None = None
) -> int:
    """Write `count` articles in `lang` under `folder` (French ones from the sentences of the articles of
    `sources`, the seeds by default); return the number of words."""
    rng = random.Random(seed)
    sentences = seed_sentences(sources or [SEEDS]) if lang == "fr" else english_sentences()
    names = FEMININE if lang == "fr" else [*ENGLISH, *ENGLISH.values()]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")\b")
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for number in range(count):
        swap = _swap(rng, lang)
        chosen = rng.sample(sentences, rng.randint(12, min(30, len(sentences))))
        text = pattern.sub(lambda match, swap=swap: swap[match.group(0)], " ".join(chosen))
        title = pattern.sub(lambda match, swap=swap: swap[match.group(0)], rng.choice(sentences))[:140]
        paragraphs = [" ".join(text.split(" ")[index : index + 90]) for index in range(0, len(text.split(" ")), 90)]
        (folder / f"synthetic-{number:06d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n",
                                                            encoding="utf-8")  # fmt: skip
        words += len(text.split()) + len(title.split())
    return words


def _swap(rng: random.Random, lang: str) -> dict[str, str]:
    """Which name stands for which in one article: a permutation of the countries (of their names and
    demonyms together in English)."""
    if lang == "fr":
        return dict(zip(FEMININE, rng.sample(FEMININE, len(FEMININE)), strict=True))
    countries = list(ENGLISH)
    others = rng.sample(countries, len(countries))
    return {**dict(zip(countries, others, strict=True)),
            **{ENGLISH[country]: ENGLISH[other] for country, other in zip(countries, others, strict=True)}}  # fmt: skip


def english_sentences() -> list[str]:
    """The English sentences written for this benchmark, one a line."""
    return [line.strip() for line in ENGLISH_SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_sentences(sources: list[Path]) -> list[str]:
    """The sentences of the cleaned text of the articles of `sources` (title and captions left out)."""
    sentences = []
    for article in read_articles(sources):
        if isinstance(article, Article):
            body = article.text.split("\n\n", 1)[-1]
            sentences += [part.strip() for part in SENTENCE_END.split(body.replace("\n", " ")) if len(part.split()) > 6]
    return sentences


if __name__ == "__main__":
    main()
