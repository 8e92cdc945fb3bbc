"""Shared fixtures: the seed corpus, and writing small article files of our own."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.ingest import read_articles
from kg.lang import LanguagePack, load_pack
from kg.records import Article, Gazetteer
from kg.resources import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """The five seeds, read and cleaned once for the session."""
    articles = [result for result in read_articles([SEEDS]) if isinstance(result, Article)]
    return {article.id[:3]: article for article in articles}


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under a fresh folder and return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def french() -> LanguagePack:
    """The French language pack."""
    return load_pack("fr")


@pytest.fixture(scope="session")
def english() -> LanguagePack:
    """The English language pack."""
    return load_pack("en")


def _pipeline(pack: LanguagePack, gazetteer: Gazetteer):
    from kg.nlp import load_nlp

    return load_nlp(pack, gazetteer)


@pytest.fixture(scope="session")
def french_nlp(gazetteer: Gazetteer, french: LanguagePack):
    """The real French pipeline with the actor ruler (loaded once: about 5 s)."""
    return _pipeline(french, gazetteer)


@pytest.fixture(scope="session")
def english_nlp(gazetteer: Gazetteer, english: LanguagePack):
    """The real English pipeline with the actor ruler, its parse read as Universal Dependencies."""
    return _pipeline(english, gazetteer)


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once with the real model, through the command users run."""
    out = tmp_path_factory.mktemp("seeds-build")
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(SEEDS), "-o", str(out)],
                            capture_output=True, text=True, timeout=600)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out
