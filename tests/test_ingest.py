"""Ingestion on articles written for the tests: formats, metadata, cleaning rules, offsets."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

from kg.errors import InputError
from kg.ingest import read_article_file, read_articles
from kg.ingest.markup import flatten_nesting, is_too_deep
from kg.records import Article, DatePrecision

WriteFile = Callable[[str, str | bytes], Path]

ARTICLE = """Monde

Le Japon et l’Inde renforcent leur partenariat maritime

Le Premier ministre japonais a reçu mardi son homologue indien à Tokyo pour discuter de sécurité en mer.

Les deux pays ont signé un accord sur l’échange d’informations navales.
"""


def read_one(path: Path) -> Article:
    results = list(read_article_file(path))
    assert len(results) == 1
    result = results[0]
    assert isinstance(result, Article), result
    return result


def test_ingest_txt_title_skips_section_label(write_file: WriteFile) -> None:
    article = read_one(write_file("japon.txt", ARTICLE))
    assert article.id == "japon"
    assert article.title == "Le Japon et l’Inde renforcent leur partenariat maritime"
    assert article.text.startswith("Le Japon et l'Inde")
    assert "Monde" not in article.text


def test_ingest_txt_without_section_label_takes_first_line_as_title(write_file: WriteFile) -> None:
    article = read_one(write_file("a.txt", "\n\nLa Turquie convoque l'ambassadeur suédois\n\nAnkara proteste.\n"))
    assert article.title == "La Turquie convoque l'ambassadeur suédois"


def test_ingest_html_fragments_inside_text_are_stripped(write_file: WriteFile) -> None:
    text = "Titre\n\n<p>Le Brésil a <strong>reconnu</strong> l&#39;État de Palestine.</p>\n"
    article = read_one(write_file("b.txt", text))
    assert "Le Brésil a reconnu l'État de Palestine." in article.text
    start = article.text.index("reconnu")
    assert article.original_text(start, start + len("reconnu")) == "reconnu"
    entity_start = article.text.index("l'État")
    assert article.original_text(entity_start, entity_start + 2) == "l&#39;"


def test_ingest_repeated_lines_are_removed_once(write_file: WriteFile) -> None:
    caption = "Le président kényan accueille son homologue tanzanien à Nairobi."
    article = read_one(
        write_file("c.txt", f"Le Kenya et la Tanzanie\n\n{caption}\n\nCorps de l'article.\n\n{caption}\n")
    )
    assert article.text.count(caption) == 1
    assert [removal.reason for removal in article.removed] == ["repeated-line"]


def test_ingest_comment_section_is_cut_and_kept_aside(write_file: WriteFile) -> None:
    body = (
        "Le Canada et l'Inde\n\nLe Canada expulse deux diplomates.\n\nCommentaires (2)\n\nSuper article !\n\nSignaler\n"
    )
    article = read_one(write_file("d.txt", body))
    assert "Super article" not in article.text
    assert article.removed[-1].reason == "comments" and "Super article !" in article.removed[-1].text


def test_ingest_foreign_paragraph_is_set_aside(write_file: WriteFile) -> None:
    english = (
        "The Prime Minister of Japan met the Indian Prime Minister in Tokyo on Tuesday to discuss maritime security."
    )
    article = read_one(write_file("e.txt", ARTICLE + "\n" + english + "\n"))
    assert english not in article.text
    assert any(removal.reason == "language:en" for removal in article.removed)


def test_ingest_short_foreign_line_is_kept(write_file: WriteFile) -> None:
    article = read_one(write_file("f.txt", ARTICLE + "\nBreaking news\n"))
    assert "Breaking news" in article.text


def test_ingest_sidecar_metadata_wins_over_inference(write_file: WriteFile) -> None:
    path = write_file("g.txt", ARTICLE + "\nPublié le 3 mars 2021.\n")
    write_file("g.meta.json", json.dumps({"date": "2022-05-04", "url": "https://example.org/g", "source": "Exemple"}))
    article = read_one(path)
    assert article.date is not None and article.date.value == dt.date(2022, 5, 4) and article.date.source == "metadata"
    assert (article.url, article.source) == ("https://example.org/g", "Exemple")


def test_ingest_folder_metadata_table(write_file: WriteFile) -> None:
    path = write_file("corpus/h.txt", ARTICLE)
    write_file("corpus/metadata.tsv", "id\turl\tdate\tsource\nh\thttps://example.org/h\t2020-07\tLe Journal\n")
    article = read_one(path)
    assert article.date is not None and article.date.isoformat() == "2020-07"
    assert article.date.precision is DatePrecision.MONTH and article.source == "Le Journal"


def test_ingest_dateline_with_year(write_file: WriteFile) -> None:
    article = read_one(write_file("i.txt", ARTICLE + "\nArticle publié le 2 février 2022 à 10h.\n"))
    assert article.date is not None and article.date.value == dt.date(2022, 2, 2) and article.date.source == "dateline"


def test_ingest_date_without_year_is_not_invented(write_file: WriteFile) -> None:
    article = read_one(write_file("j.txt", ARTICLE + "\nPublié le 2 février.\n"))
    assert article.date is None


def test_ingest_jsonl_reads_each_line_and_reports_bad_ones(write_file: WriteFile) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "Le Chili et l'Argentine",
                "text": "Les deux pays ont signé un traité.",
                "date": "2019-11-02",
                "lang": "fr",
            }
        ),
        "{not json",
        json.dumps({"id": "a3", "title": "sans texte"}),
        json.dumps({"id": "a4", "text": "La Norvège soutient la médiation."}),
    ]
    path = write_file("batch.jsonl", "\n".join(lines) + "\n")
    results = list(read_article_file(path))
    articles = [result for result in results if isinstance(result, Article)]
    errors = [result for result in results if isinstance(result, InputError)]
    assert [article.id for article in articles] == ["a1", "a4"]
    assert articles[0].title == "Le Chili et l'Argentine" and articles[0].text.startswith("Le Chili et l'Argentine")
    assert articles[0].date is not None and articles[0].date.value == dt.date(2019, 11, 2)
    assert [(error.line, error.cause.split(":")[0]) for error in errors] == [
        (2, "not JSON"),
        (3, "missing or empty 'text'"),
    ]
    assert str(errors[0]).startswith(f"{path}:2: ")


def test_ingest_html_page_main_text_and_metadata(write_file: WriteFile) -> None:
    page = """<!DOCTYPE html><html lang="fr"><head><title>Le Maroc et l'Espagne relancent leur coopération</title>
    <meta property="og:title" content="Le Maroc et l'Espagne relancent leur coopération">
    <meta name="date" content="2022-04-07"><link rel="canonical" href="https://journal.example/maroc-espagne">
    </head><body><nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav>
    <article><h1>Le Maroc et l'Espagne relancent leur coopération</h1>
    <p>Le chef du gouvernement espagnol a été reçu jeudi à Rabat par le roi du Maroc,
    qui a salué une nouvelle étape.</p>
    <p>Les deux pays ont adopté une déclaration commune sur la migration et le commerce,
    après un an de crise diplomatique.</p>
    <p>Madrid a soutenu le plan d'autonomie marocain pour le Sahara occidental, ce qui a irrité Alger.</p>
    </article><footer>Mentions légales - Tous droits réservés</footer>
    <script>window.__pwned = 1</script></body></html>"""
    article = read_one(write_file("maroc.html", page))
    assert article.title == "Le Maroc et l'Espagne relancent leur coopération"
    assert "Madrid a soutenu le plan d'autonomie" in article.text
    assert "Mentions légales" not in article.text and "Accueil" not in article.text and "__pwned" not in article.text
    assert article.date is not None and article.date.value == dt.date(2022, 4, 7)
    assert article.url == "https://journal.example/maroc-espagne"


def test_ingest_folder_is_read_recursively_in_order_skipping_hidden_and_sidecars(write_file: WriteFile) -> None:
    write_file("corpus/b.txt", ARTICLE)
    write_file("corpus/sub/a.txt", ARTICLE)
    write_file("corpus/.hidden.txt", ARTICLE)
    root = write_file("corpus/b.meta.json", "{}").parent
    results = list(read_articles([root]))
    assert [result.id for result in results if isinstance(result, Article)] == ["b", "a"]


def test_ingest_title_only_article_is_read(write_file: WriteFile) -> None:
    article = read_one(write_file("k.txt", "La Chine rappelle son ambassadeur à Vilnius\n"))
    assert article.title == article.text == "La Chine rappelle son ambassadeur à Vilnius"


def test_ingest_flattened_page_keeps_its_text_and_a_shallow_page_is_left_alone() -> None:
    page = (
        "<html><body>"
        + "<div><b>" * 300
        + "Un texte &amp; son <i>italique</i>."
        + "</b></div>" * 300
        + "</body></html>"
    )
    flat = flatten_nesting(page, max_depth=50)
    assert is_too_deep(page) and not is_too_deep(flat)
    assert re.sub("<[^>]*>", "", flat) == "Un texte &amp; son italique."
    assert len(re.findall("<[a-z]", flat)) == len(re.findall("</", flat)) == 50
    shallow = "<html><body><div><p>Un <b>texte</b>.<br></p><p>Un autre</div></body></html>"
    assert not is_too_deep(shallow) and flatten_nesting(shallow, max_depth=10) == shallow


def test_ingest_a_sentence_cut_across_lines_is_one_paragraph(write_file: WriteFile) -> None:
    # A source that wraps its lines cuts sentences: the piece after the cut starts in lower case.
    text = (
        "La Turquie convoque l'ambassadeur suédois\n\n"
        "Ankara a convoqué mardi\nl'ambassadeur de Suède.\nStockholm regrette.\n"
    )
    article = read_one(write_file("a.txt", text))
    assert "Ankara a convoqué mardi l'ambassadeur de Suède.\n\nStockholm regrette." in article.text
    start = article.text.index("l'ambassadeur de Suède")
    original_start, _ = article.to_original_span(start, start + 5)
    assert article.original[original_start : original_start + 5] == "l'amb"
