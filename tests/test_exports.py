"""Files other tools read: GDELT 2.0 event rows as GDELT users load them (a typed pandas reader, gdeltPyR's
parser), and GEXF 1.2 as Gephi reads it (the schema, via lxml)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.metadata
import importlib.util
import io
import json
import os
import tempfile
import urllib.request
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from kg import outputs
from kg.cli import main
from kg.exports import GDELT_COLUMNS, GdeltContext, to_gdelt_rows, to_gexf, write_events, write_gexf
from kg.records import ActorKind, Article, ArticleDate, DatePrecision, Evidence, Mode, TextPiece
from kg.resources import load_cameo_actor_scheme, load_cameo_codes, load_gazetteer, read_tsv

from helpers import coded_event, confidence_store, run_kg

TEST_DATA = Path(__file__).parent / "data"
# GDELT 2.0 event rows written by hand in GDELT's layout (no header, 61 columns): what the export must match.
WRITTEN_GDELT = TEST_DATA / "gdelt" / "written.export.CSV"
INTEGER = "int64"  # GDELT's INTEGER columns: never empty in GDELT's files
FLOAT = "float64"
TEXT = "string"
# The typed reader GDELT users write: codes as text (EventCode "036" keeps its zero), counts and dates as int64.
GDELT_DTYPES = {column: TEXT for column in GDELT_COLUMNS} | {
    column: INTEGER for column in ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
                                   "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
                                   "ActionGeo_Type", "DATEADDED")
} | {
    column: FLOAT for column in ("FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
                                 "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long")
}  # fmt: skip
BUILT = "2025-02-03T04:05:06+00:00"


def read_gdelt(source: Path | io.StringIO) -> pd.DataFrame:
    """GDELT 2.0 events as GDELT users load them: tab-separated, no header, typed per column."""
    return pd.read_csv(source, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=GDELT_DTYPES,
                       quoting=3, keep_default_na=False, na_values={c: [""] for c in GDELT_COLUMNS})  # fmt: skip


def gdeltpyr_parser() -> ModuleType:
    """gdeltPyR's own downloader-and-parser module (`gdelt/parallel.py`), as installed. Its package cannot be
    imported offline (its `__init__` fetches a table from the web when its data folder is not where it looks),
    so the module is loaded from its file, unchanged."""
    distribution = importlib.metadata.distribution("gdelt")
    path = next(file for file in distribution.files or () if str(file) == "gdelt/parallel.py")
    spec = importlib.util.spec_from_file_location("gdeltpyr_parallel", distribution.locate_file(path))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gdeltpyr_read(module: ModuleType, rows: bytes) -> pd.DataFrame:
    """Rows parsed by gdeltPyR's `_mp_worker` as when it downloads a GDELT events file (a zipped CSV)."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("20240619084500.export.CSV", rows)
    response = mock.Mock(status_code=200, content=archive.getvalue())
    with mock.patch.object(module.requests, "get", return_value=response):
        frame = module._mp_worker("http://data.gdeltproject.org/gdeltv2/20240619084500.export.CSV.zip",
                                  table="events")  # fmt: skip
    assert frame is not None, "gdeltPyR could not parse the rows"  # it returns None on any parsing error
    return frame


# A small build of our own ---------------------------------------------------------------------------------------

EVIDENCE = Evidence("Une phrase.", 7, 18, "phrase", 11, 17, 1)
LATER = Evidence("Une autre phrase.", 19, 36, "phrase", 29, 35, 4)


def article(article_id: str, *, url: str | None = None, date: dt.date | None = None) -> Article:
    text = "Titre\n\nUne phrase. Une autre phrase.\n"
    published = ArticleDate(date, DatePrecision.DAY, "metadata") if date else None
    return Article(article_id, f"in/{article_id}.txt", "Titre", text, text, (TextPiece(0, len(text), 0, len(text)),),
                   lang="fr", date=published, url=url)  # fmt: skip


def write_build(folder: Path, *, built: str | None = BUILT, extra: bool = False, army: bool = False) -> Path:
    """A build folder: three articles (one with a URL and a publication day, one with neither), relations in
    every mode, persons, a world body and a separatist group (`army`: Sweden's side of the meeting is its army)."""
    articles = [article("dated", url="https://news.example.org/a", date=dt.date(2024, 6, 19)), article("bare")]
    relations = [
        coded_event("dated", "RUS", "PRK", "036", EVIDENCE, date="2024-06-18", source_actor="vladimir-putin",
                    target_actor="kim-jong-un"),
        coded_event("dated", "UNO", "PRK", "1041", LATER, source_actor="antonio-guterres"),
        coded_event("dated", "RUS", "UKR", "190", EVIDENCE, mode=Mode.HYPOTHETICAL),
        coded_event("bare", "USA", "RUS", "112", LATER, mode=Mode.NEGATED),
        coded_event("bare", "UKRSEP", "UKR", "190", LATER, date="2022-02"),
        dataclasses.replace(coded_event("bare", "NOR", "SWE", "042", EVIDENCE, symmetric=True),
                            target_role="military" if army else None),
    ]  # fmt: skip
    if extra:
        articles.append(article("more"))
        relations.insert(0, coded_event("more", "FRA", "DEU", "036", EVIDENCE))
    (folder / "in").mkdir(parents=True, exist_ok=True)
    for each in articles:
        (folder / each.path).write_text(each.text, encoding="utf-8")
    lines = [json.dumps(outputs.to_article_record(each)) for each in articles]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [json.dumps(outputs.to_event_record(relation)) for relation in relations]
    (folder / "relations.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if built:
        (folder / "build.json").write_text(json.dumps({"built": built}), encoding="utf-8")
    return folder


def export(folder: Path, *options: str) -> str:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "export.out"
        assert main(["export", "events", str(folder), "-o", str(target), *options]) == 0
        return target.read_text(encoding="utf-8")


@pytest.fixture
def build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # builds record article paths as given, relative to where they ran
    return write_build(tmp_path)


def gdelt_rows(folder: Path, *options: str) -> list[dict[str, Any]]:
    frame = read_gdelt(io.StringIO(export(folder, "--format", "gdelt", *options)))
    return frame.to_dict("records")


# GDELT ----------------------------------------------------------------------------------------------------------


def test_exports_gdelt_columns_are_the_codebook_columns_gdeltpyr_names() -> None:
    distribution = importlib.metadata.distribution("gdelt")
    path = next(file for file in distribution.files or () if str(file).endswith("data/events2.csv"))
    schema = pd.read_csv(distribution.locate_file(path))
    assert tuple(schema["name"]) == GDELT_COLUMNS
    types = {"INTEGER": INTEGER, "FLOAT": FLOAT, "STRING": TEXT}
    assert {name: types[kind] for name, kind in zip(schema["name"], schema["type"], strict=True)} == GDELT_DTYPES


def test_exports_gdelt_rows_load_with_the_typed_reader_of_real_rows_row_for_row(build: Path) -> None:
    written = read_gdelt(WRITTEN_GDELT)
    ours = read_gdelt(io.StringIO(export(build, "--format", "gdelt", "--modes", "asserted,hypothetical,negated")))
    assert len(written) == 4 and len(ours) == 7  # no header row taken for an event
    assert dict(ours.dtypes) == dict(written.dtypes)
    both = pd.concat([written, ours], ignore_index=True)
    assert dict(both.dtypes) == dict(written.dtypes)  # one reader, one frame: the rows mix
    integers = [column for column, kind in GDELT_DTYPES.items() if kind == INTEGER]
    assert not both[integers].isna().any().any()
    assert set(ours["EventCode"]) == {"036", "1041", "190", "112", "042"}  # codes stay text, zeros kept


def test_exports_gdelt_rows_parse_with_gdeltpyr_as_real_rows_do(build: Path) -> None:
    parser = gdeltpyr_parser()
    written = gdeltpyr_read(parser, WRITTEN_GDELT.read_bytes())
    ours = gdeltpyr_read(parser, export(build, "--format", "gdelt").encode("utf-8"))
    assert ours.shape == (5, 61) and written.shape == (4, 61)
    assert list(ours.dtypes[:5]) == list(written.dtypes[:5]) == ["int64", "int64", "int64", "int64", "float64"]
    assert list(ours[26]) == ["036", "1041", "190", "042", "042"]  # EventCode, read as text by gdeltPyR
    assert ours[59].dtype == written[59].dtype == "int64"  # DATEADDED


def test_exports_gdelt_readme_reader_is_the_typed_reader(build: Path, tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("Read them as GDELT users read GDELT", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "events.tsv").write_text(export(build, "--format", "gdelt"), encoding="utf-8")
    namespace: dict[str, Any] = {}
    exec(snippet.replace('"events.tsv"', repr(str(tmp_path / "events.tsv"))), namespace)  # the README's code as is
    pd.testing.assert_frame_equal(namespace["events"], read_gdelt(tmp_path / "events.tsv"))


def test_exports_gdelt_leaves_hypothetical_and_negated_relations_out_unless_asked(build: Path) -> None:
    assert [row["EventCode"] for row in gdelt_rows(build)] == ["036", "1041", "190", "042", "042"]
    asked = gdelt_rows(build, "--modes", "asserted,hypothetical")
    assert [row["EventCode"] for row in asked] == ["036", "1041", "190", "190", "042", "042"]
    every = [json.loads(line)["mode"] for line in export(build).splitlines()]  # JSON Lines say the mode
    assert sorted(every) == ["asserted"] * 4 + ["hypothetical", "negated"]
    assert main(["export", "events", str(build), "--modes", "maybe"]) == 1


def test_exports_gdelt_event_ids_are_stable_and_unique_across_exports(build: Path, tmp_path: Path) -> None:
    first = [row["GLOBALEVENTID"] for row in gdelt_rows(build, "--modes", "asserted,hypothetical,negated")]
    again = [row["GLOBALEVENTID"] for row in gdelt_rows(build, "--modes", "asserted,hypothetical,negated")]
    assert first == again and len(set(first)) == len(first) == 7
    assert all(2**52 <= number < 2**53 for number in first)  # exact in int64 and in a double; above GDELT's
    bigger = write_build(tmp_path / "bigger", extra=True)  # another build with one more article first
    later = [row["GLOBALEVENTID"] for row in gdelt_rows(bigger, "--modes", "asserted,hypothetical,negated")]
    assert later[1:] == first and later[0] not in first


def test_exports_gdelt_symmetric_relation_is_an_event_each_way(build: Path) -> None:
    rows = [row for row in gdelt_rows(build) if row["EventCode"] == "042"]
    assert [(row["Actor1Code"], row["Actor2Code"]) for row in rows] == [("NOR", "SWE"), ("SWE", "NOR")]
    assert rows[0]["GLOBALEVENTID"] != rows[1]["GLOBALEVENTID"]


def test_exports_gdelt_dates_fall_back_to_the_publication_day_then_the_build(build: Path) -> None:
    rows = {row["EventCode"]: row for row in gdelt_rows(build)}
    dated, published, built = rows["036"], rows["1041"], rows["042"]
    # the relation's own day; GDELT's fraction of the year: (5 * 30 + 18) / 365
    assert (dated["SQLDATE"], dated["MonthYear"], dated["Year"], dated["FractionDate"]) == (20240618, 202406, 2024,
                                                                                            2024.4603)  # fmt: skip
    assert published["SQLDATE"] == 20240619  # undated relation: its article's publication day
    assert (built["SQLDATE"], built["Year"]) == (20250203, 2025)  # undated article: the build's day
    assert rows["190"]["SQLDATE"] == 20250203  # a month ("2022-02") names no day: the build's day too
    assert {row["DATEADDED"] for row in rows.values()} == {20250203040506}


def test_exports_gdelt_dateadded_without_a_manifest_is_the_relations_file_time(tmp_path: Path) -> None:
    folder = write_build(tmp_path, built=None)
    stamp = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC).timestamp()
    os.utime(folder / "relations.jsonl", (stamp, stamp))
    assert {row["DATEADDED"] for row in gdelt_rows(folder)} == {20240102030405}


def test_exports_gdelt_sourceurl_is_the_url_else_an_absolute_file_uri(build: Path) -> None:
    rows = {row["EventCode"]: row for row in gdelt_rows(build)}
    assert rows["036"]["SOURCEURL"] == "https://news.example.org/a"
    assert rows["042"]["SOURCEURL"] == (build / "in" / "bare.txt").resolve().as_uri()
    with urllib.request.urlopen(rows["042"]["SOURCEURL"]) as opened:  # a URI any client opens
        assert opened.read().startswith(b"Titre")


def test_exports_gdelt_actors_are_coded_in_the_cameo_actor_scheme(build: Path) -> None:
    rows = {row["EventCode"]: row for row in gdelt_rows(build)}
    leaders = rows["036"]
    assert (leaders["Actor1Code"], leaders["Actor1CountryCode"], leaders["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (leaders["Actor1Name"], leaders["Actor2Code"]) == ("VLADIMIR PUTIN", "PRKGOV")
    world = rows["1041"]
    assert (world["Actor1Code"], world["Actor1KnownGroupCode"], world["Actor1Type1Code"]) == ("IGOUNO", "UNO", "IGO")
    assert pd.isna(world["Actor1CountryCode"]) and world["Actor1Name"] == "ANTONIO GUTERRES"
    assert (world["Actor2Code"], world["Actor2CountryCode"], world["Actor2Name"]) == ("PRK", "PRK", "NORTH KOREA")
    assert pd.isna(world["Actor2Type1Code"]) and pd.isna(world["Actor2KnownGroupCode"])
    separatists = rows["190"]
    assert (separatists["Actor1Code"], separatists["Actor1CountryCode"], separatists["Actor1Type1Code"]) == (
        "UKRSEP", "UKR", "SEP")  # fmt: skip


def test_exports_gdelt_an_army_is_its_states_military(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "La Norvège et l'armée suédoise ..." : a body of the military role is coded country + MIL, on both rows of
    # a symmetric relation (the second reads it the other way round).
    monkeypatch.chdir(tmp_path)
    meeting = [row for row in gdelt_rows(write_build(tmp_path, army=True)) if row["EventCode"] == "042"]
    assert {(row["Actor1Code"], row["Actor1Type1Code"] if isinstance(row["Actor1Type1Code"], str) else "",
             row["Actor2Code"], row["Actor2Type1Code"] if isinstance(row["Actor2Type1Code"], str) else "")
            for row in meeting} == {("NOR", "", "SWEMIL", "MIL"), ("SWEMIL", "MIL", "NOR", "")}  # fmt: skip
    assert {row["Actor1CountryCode"] for row in meeting} == {"NOR", "SWE"}


def test_exports_gdelt_actor_facts_cover_the_gazetteer() -> None:
    gazetteer = load_gazetteer()
    data = Path(__file__).parent.parent / "data"
    coded = {row["actor"] for _, row in read_tsv(data / "gdelt" / "actors.tsv", ("actor", "code", "country",
                                                                               "known_group", "type"))}  # fmt: skip
    assert coded <= set(gazetteer.actors)
    # A collective actor is no country: each needs its CAMEO code, or it would be exported as one.
    collective = {actor.id for actor in gazetteer.actors.values() if actor.kind is ActorKind.COLLECTIVE}
    assert collective <= coded
    typed = {row["role"] for _, row in read_tsv(data / "gdelt" / "roles.tsv", ("role", "type"))}
    assert {office.role for office in gazetteer.offices} <= typed


def test_exports_gdelt_is_the_lead_when_reported_in_the_title_or_first_sentence(build: Path) -> None:
    rows = {row["EventCode"]: row for row in gdelt_rows(build)}
    assert (rows["036"]["IsRootEvent"], rows["1041"]["IsRootEvent"]) == (1, 0)  # sentence 1, sentence 4


def write_meeting_build(folder: Path) -> Path:
    """A build of three articles of two outlets: two report the meeting of Norway and Sweden (one on the day,
    one the next day, naming them the other way round, in two sentences), the third a meeting of theirs a month
    later; and a criticism."""
    articles = [
        article("tribune", url="https://www.tribune.example/sommet", date=dt.date(2024, 3, 4)),
        article("courrier", url="https://courrier.example/fjords", date=dt.date(2024, 3, 5)),
        article("suite", url="https://www.tribune.example/suite", date=dt.date(2024, 4, 8)),
    ]
    relations = [
        coded_event("tribune", "NOR", "SWE", "040", EVIDENCE, symmetric=True, date="2024-03-04"),
        coded_event("courrier", "SWE", "NOR", "040", EVIDENCE, symmetric=True, date="2024-03-05"),
        coded_event("suite", "NOR", "SWE", "040", EVIDENCE, symmetric=True, date="2024-04-08"),
        coded_event("courrier", "NOR", "SWE", "111", LATER, date="2024-03-05"),
    ]
    relations[1] = dataclasses.replace(relations[1], evidences=(EVIDENCE, LATER))
    lines = [json.dumps(outputs.to_article_record(each)) for each in articles]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [json.dumps(outputs.to_event_record(relation)) for relation in relations]
    (folder / "relations.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "build.json").write_text(json.dumps({"built": BUILT}), encoding="utf-8")
    return folder


def test_exports_gdelt_one_meeting_reported_by_two_articles_is_one_event_with_its_counts(tmp_path: Path) -> None:
    rows = gdelt_rows(write_meeting_build(tmp_path))
    counts = [(row["EventCode"], row["Actor1Code"], row["Actor2Code"], row["SQLDATE"], row["NumMentions"],
               row["NumSources"], row["NumArticles"]) for row in rows]  # fmt: skip
    assert counts == [
        ("040", "NOR", "SWE", 20240304, 3, 2, 2), ("040", "SWE", "NOR", 20240304, 3, 2, 2),  # the meeting, each way
        ("040", "NOR", "SWE", 20240408, 1, 1, 1), ("040", "SWE", "NOR", 20240408, 1, 1, 1),  # a month later
        ("111", "NOR", "SWE", 20240305, 1, 1, 1),
    ]  # fmt: skip
    assert rows[0]["SOURCEURL"] == "https://www.tribune.example/sommet"  # the first report, as GDELT's
    assert len({row["GLOBALEVENTID"] for row in rows}) == 5


@pytest.mark.model
def test_exports_gdelt_of_the_seeds_load_typed_with_unique_ids(seeds_build: Path) -> None:
    rows = read_gdelt(io.StringIO(export(seeds_build, "--format", "gdelt")))
    relations = [json.loads(line) for line in (seeds_build / "relations.jsonl").read_text("utf-8").splitlines()]
    asserted = [relation for relation in relations if relation["mode"] == "asserted"]
    assert len(rows) == len(asserted) + sum(relation["symmetric"] for relation in asserted) > 10
    assert rows["GLOBALEVENTID"].is_unique and (rows["EventRootCode"] == rows["EventCode"].str[:2]).all()
    assert rows["SOURCEURL"].str.startswith("file:///").all()
    table = pd.read_csv(io.StringIO(export(seeds_build, "--format", "csv")), dtype={"cameo": str, "sub": str})
    assert list(table.columns[:7]) == ["article", "source", "target", "cameo", "sub", "mode", "symmetric"]
    assert len(table) == len(relations)  # CSV has a mode column: every mode, one row per relation


# GEXF -----------------------------------------------------------------------------------------------------------

GEXF_SCHEMA = TEST_DATA / "gexf-1.2" / "gexf.xsd"
GEXF = "{*}"  # any GEXF namespace: the checks below are about content; the schema checks the version
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def analysis_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg analyze` of a small store: four dated relations among NOR, SWE, DNK and FIN."""
    folder = tmp_path_factory.mktemp("analysis")
    store = confidence_store(folder)
    store.flush()
    del store  # the command opens the store itself
    assert main(["analyze", str(folder), "-o", str(folder / "analysis"), "--actors", "NOR,SWE"]) == 0
    return folder / "analysis"


def test_exports_gexf_files_are_valid_gexf_1_2(analysis_folder: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(GEXF_SCHEMA)))
    for name in ("relations.gexf", "dyads.gexf"):
        document = etree.parse(str(analysis_folder / name))
        assert schema.validate(document), f"{name}: {schema.error_log}"
        assert document.getroot().get("version") == "1.2"


def test_exports_gexf_is_dynamic_with_spells_from_the_relation_dates(analysis_folder: Path) -> None:
    relations = etree.parse(str(analysis_folder / "relations.gexf")).getroot()
    graph = relations.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    spells = [(edge.find(f"{GEXF}spells/{GEXF}spell")) for edge in graph.iter(f"{GEXF}edge")]
    assert len(spells) == 4 and all(spell is not None for spell in spells)
    assert {(spell.get("start"), spell.get("end")) for spell in spells} == {("2024-01-10", "2024-01-10")}
    dyads = etree.parse(str(analysis_folder / "dyads.gexf")).getroot()
    assert {(spell.get("start"), spell.get("end")) for spell in dyads.iter(f"{GEXF}spell")} == {
        ("2024-01-10", "2024-01-10")}  # fmt: skip


def test_exports_gexf_spells_span_a_date_to_its_precision_and_undated_edges_have_none() -> None:
    actor_graph = nx.MultiDiGraph()
    actor_graph.add_edge("NOR", "SWE", key="r1", date="2024-02", code="036")
    actor_graph.add_edge("NOR", "SWE", key="r2", date="", code="042")
    actor_graph.add_edge("SWE", "NOR", key="r3", date="2023", code="043")
    document = to_gexf(actor_graph)
    spells = {edge.get("id"): [(spell.get("start"), spell.get("end")) for spell in edge.iter("spell")]
              for edge in document.iter("edge")}  # fmt: skip
    assert spells == {"r1": [("2024-02-01", "2024-02-29")], "r2": [], "r3": [("2023-01-01", "2023-12-31")]}


def test_exports_gexf_edges_are_keyed_by_relation_without_a_key_column(analysis_folder: Path) -> None:
    document = etree.parse(str(analysis_folder / "relations.gexf")).getroot()
    titles = {attribute.get("title") for attribute in document.iter(f"{GEXF}attribute")}
    assert "networkx_key" not in titles and {"code", "date", "confidence"} <= titles
    ids = [edge.get("id") for edge in document.iter(f"{GEXF}edge")]
    assert len(set(ids)) == len(ids) == 4 and all("/relation/" in edge_id for edge_id in ids)
    assert document.find(f"{GEXF}graph").get("name") is None


def test_exports_gexf_and_graphml_type_the_weight_alike(analysis_folder: Path) -> None:
    graphml = etree.parse(str(analysis_folder / "dyads.graphml")).getroot()
    keys = {key.get("attr.name"): key for key in graphml.iter(f"{GRAPHML}key") if key.get("for") == "edge"}
    assert keys["weight"].get("attr.type") == "double"
    weights_graphml = {(edge.get("source"), edge.get("target")): float(data.text)
                       for edge in graphml.iter(f"{GRAPHML}edge") for data in edge
                       if data.get("key") == keys["weight"].get("id")}  # fmt: skip
    gexf = etree.parse(str(analysis_folder / "dyads.gexf")).getroot()
    weights_gexf = {(edge.get("source"), edge.get("target")): float(edge.get("weight"))
                    for edge in gexf.iter(f"{GEXF}edge")}  # fmt: skip
    assert weights_gexf == weights_graphml and len(weights_gexf) == 3
    types = {attribute.get("title"): attribute.get("type") for attribute in gexf.iter(f"{GEXF}attribute")}
    for name, key in keys.items():  # every other attribute: the same type in both files
        if name != "weight":
            assert types[name] == key.get("attr.type"), name


def test_exports_gdelt_of_a_folder_without_a_build_is_a_one_line_error(tmp_path: Path) -> None:
    result = run_kg("export", "events", str(tmp_path / "absent"), "--format", "gdelt")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"kg: error: {tmp_path / 'absent' / 'articles.jsonl'}: cannot read "
                                                  "(No such file or directory); run kg build first"]  # fmt: skip


# Properties -----------------------------------------------------------------------------------------------------

CODES = sorted(load_cameo_codes())
ACTORS = sorted(load_gazetteer().actors)
dates = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).flatmap(
    lambda day: st.sampled_from([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]])))  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(code=st.sampled_from(CODES), ends=st.lists(st.sampled_from(ACTORS), min_size=2, max_size=2), date=dates,
       mode=st.sampled_from(list(Mode)), symmetric=st.booleans())  # fmt: skip
def test_exports_gdelt_any_relation_is_a_row_the_typed_reader_takes(
    code: str, ends: list[str], date: str | None, mode: Mode, symmetric: bool
) -> None:
    gazetteer = load_gazetteer()
    states = [gazetteer.actors[end].state for end in ends]
    event = coded_event("a", states[0], states[1], code, EVIDENCE, mode=mode, date=date, symmetric=symmetric,
                        source_actor=ends[0], target_actor=ends[1])  # fmt: skip
    context = GdeltContext({}, dt.datetime(2025, 2, 3, 4, 5, 6, tzinfo=dt.UTC), gazetteer, load_cameo_actor_scheme())
    rows = to_gdelt_rows(event, context=context)
    frame = read_gdelt(io.StringIO("".join("\t".join(row) + "\n" for row in rows)))
    assert len(frame) == (2 if symmetric else 1) and frame["GLOBALEVENTID"].is_unique
    assert (frame["EventRootCode"] == code[:2]).all() and (frame["EventCode"] == code).all()
    day = dt.datetime.strptime(str(frame["SQLDATE"][0]), "%Y%m%d").date()
    assert day.isoformat() == date if date and len(date) == 10 else day == dt.date(2025, 2, 3)
    assert frame["Actor1Code"].str.fullmatch(r"(?:[A-Z]{3})+").all()


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(), min_size=1, max_size=4), numbers=st.lists(st.integers() | st.floats(), max_size=3))
def test_exports_gexf_any_attributes_give_a_valid_file(texts: list[str], numbers: list[float]) -> None:
    actor_graph = nx.MultiDiGraph(note=texts[0])
    for number, text in enumerate(texts):
        actor_graph.add_node(f"n{number}", label=text, name=text)
        amount = numbers[number] if number < len(numbers) else None
        actor_graph.add_edge("n0", f"n{number}", key=f"{text}#{number}", code=text, value=number, amount=amount,
                             weight=amount)  # fmt: skip
    buffer = io.BytesIO()
    write_gexf(actor_graph, buffer)
    schema = etree.XMLSchema(etree.parse(str(GEXF_SCHEMA)))
    assert schema.validate(etree.fromstring(buffer.getvalue()).getroottree()), schema.error_log


def test_exports_write_events_takes_event_records() -> None:
    relations = [coded_event("a", "RUS", "PRK", "036", EVIDENCE, date="2024-06-18"),
                 coded_event("a", "NOR", "SWE", "042", LATER, mode=Mode.NEGATED, symmetric=True)]  # fmt: skip
    csv_out, jsonl_out = io.StringIO(), io.StringIO()
    assert write_events(relations, csv_out, format="csv") == 2
    header, *rows = csv_out.getvalue().splitlines()
    first = dict(zip(header.split(","), rows[0].split(","), strict=True))
    assert (first["mode"], first["quadclass"], first["goldstein"], first["mentions"]) == ("asserted", "1", "4.0", "1")
    assert write_events(relations, jsonl_out, format="jsonl", modes=[Mode.NEGATED]) == 1
    assert jsonl_out.getvalue() == json.dumps(outputs.to_event_record(relations[1]), ensure_ascii=False) + "\n"
