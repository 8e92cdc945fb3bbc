"""The HTML page: offline, escaped, and working in a real headless Chromium (Playwright, Debian's chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.records import Article, Evidence, Mode, TextPiece
from kg.render import EVIDENCE_PER_EDGE, PAGE_FILE, layout_actors, read_page_data, render_graph, safe_href, write_page
from kg.store import PREFIXES, KnowledgeGraph, write_graph
from kg.store.model import article_to_graph

from helpers import (
    BUSY_DAYS,
    busy_edge_store,
    coded_event,
    confidence_store,
    model_store,
    reference_store,
    synthetic_store,
)

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAYLOAD_TITLE = '<script>window.__pwned = 1</script>Norway <img src=x onerror="window.__pwned = 2">'
PAYLOAD_SENTENCE = 'La Norvège a critiqué la Suède <img src=x onerror="window.__pwned = 3"> <b>mardi</b>.'


def test_render_safe_href_keeps_only_web_links() -> None:
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_href("HTTP://example.org") == "http://example.org"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,<script>", "file:///etc/passwd",
                "//evil.example/x", "vbscript:msgbox", "", None, "http:///nohost"):  # fmt: skip
        assert safe_href(bad) is None, bad


def malicious_store(folder: Path) -> KnowledgeGraph:
    """A store with an article whose title, URL and evidence carry script payloads."""
    store = reference_store(folder)
    text = PAYLOAD_TITLE + "\n\n" + PAYLOAD_SENTENCE + "\n"
    start = text.index("La Norvège")
    trigger = text.index("critiqué")
    article = Article("evil", "evil.txt", PAYLOAD_TITLE, text, text, (TextPiece(0, len(text), 0, len(text)),),
                      lang="fr", url="javascript:window.__pwned=4")  # fmt: skip
    evidence = Evidence(PAYLOAD_SENTENCE, start, start + len(PAYLOAD_SENTENCE), "critiqué", trigger, trigger + 8, 1)
    events = [coded_event("evil", "NOR", "SWE", "111", evidence, date="2024-05-14"),
              coded_event("evil", "SWE", "DNK", "040", evidence, mode=Mode.HYPOTHETICAL, symmetric=True)]  # fmt: skip
    write_graph(store, article_to_graph(article, events))
    return KnowledgeGraph(folder, store)


def test_render_page_is_self_contained_and_escaped(tmp_path: Path) -> None:
    page = render_graph(malicious_store(tmp_path), page_path=tmp_path / PAGE_FILE)
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<script>window.__pwned" not in page and 'onerror="window' not in page
    assert "window.__pwned" not in page  # article text travels compressed (base64): no markup at all
    articles = read_page_data(page)["articles"]  # title, link, date, publisher
    assert [PAYLOAD_TITLE, ""] in [article[:2] for article in articles]  # the javascript: URL is no link
    assert all(not article[1].startswith("javascript") for article in articles)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_render_cli_writes_the_page(tmp_path: Path) -> None:
    malicious_store(tmp_path).store.flush()
    out = tmp_path
    result = subprocess.run([sys.executable, "-m", "kg", "render", str(out), "--lang", "en", "-o", str(out / "p.html")],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Diplomatic relations" in (out / "p.html").read_text(encoding="utf-8")
    missing = subprocess.run([sys.executable, "-m", "kg", "render", str(tmp_path / "nothing")],
                             capture_output=True, text=True, timeout=300)  # fmt: skip
    assert missing.returncode == 1 and "Traceback" not in missing.stderr and "no store" in missing.stderr


# The page's budget: 30 MB at a million relations, so 30 bytes a relation beyond what any page carries (vis-network,
# the script, the actors). Measured as the growth from 200 to 2,000 relations of the synthetic store, each with a
# sentence of its own.
BYTES_PER_RELATION = 30


def test_render_a_page_that_can_carry_every_sentence_carries_them_all(tmp_path: Path) -> None:
    graph = KnowledgeGraph(tmp_path, synthetic_store(tmp_path, articles=200))
    data = read_page_data(render_graph(graph, page_path=tmp_path / PAGE_FILE))
    assert data["sample"]["count"] == data["relations"]["edges"]["count"]  # every cell of every edge is sampled


def test_render_page_grows_within_its_budget_per_relation(tmp_path: Path) -> None:
    sizes = {}
    for articles in (20, 200):
        folder = tmp_path / str(articles)
        graph = KnowledgeGraph(folder, synthetic_store(folder, articles=articles))
        # as a graph of more than EVIDENCE_ON_PAGE relations is drawn (a smaller one carries every sentence)
        page = render_graph(graph, page_path=folder / PAGE_FILE, evidence_per_edge=EVIDENCE_PER_EDGE)
        sizes[articles * 10] = len(page.encode("utf-8"))
        # Every relation is counted on its edge; the evidence sentence and article of at most EVIDENCE_PER_EDGE of
        # an edge's relations are on the page (all of an edge's when it has no more).
        data = read_page_data(page)
        assert data["summary"]["relations"] == articles * 10 == sum(data["relations"]["count"])
        assert data["summary"]["articles"] == articles
        # (one relation of each of its first cells: relations alike in code, mode, date and confidence are a cell)
        edge_cells = data["relations"]["edges"]["count"]
        assert data["sample"]["count"] == [min(cells, EVIDENCE_PER_EDGE) for cells in edge_cells]
        sampled = sum(data["sample"]["count"])
        assert sum(data["evidence"]["count"]) == sampled == len(set(data["evidence"]["sentences"]))
        assert len(data["articles"]) == len(set(data["sample"]["article"])) <= articles
    per_relation = (sizes[2000] - sizes[200]) / 1800
    assert per_relation <= BYTES_PER_RELATION, f"{per_relation:.1f} bytes a relation"


def test_render_min_confidence_leaves_relations_off_the_page(tmp_path: Path) -> None:
    from kg.cli import main

    graph = KnowledgeGraph(tmp_path, confidence_store(tmp_path))
    every = read_page_data(render_graph(graph, page_path=tmp_path / PAGE_FILE))
    assert page_codes(every) == ["036", "042", "043", "111"]
    assert every["minConfidence"] == 0 and set(every["relations"]["confidence"]) == {950, 600, 200, 900}
    confident = read_page_data(render_graph(graph, page_path=tmp_path / PAGE_FILE, min_confidence=0.7))
    assert page_codes(confident) == ["036", "043"]
    assert confident["minConfidence"] == 0.7 and confident["summary"]["relations"] == 2
    graph.store.flush()
    del graph
    assert main(["render", str(tmp_path), "--min-confidence", "0.5", "-o", str(tmp_path / "p.html")]) == 0
    rendered = read_page_data((tmp_path / "p.html").read_text(encoding="utf-8"))
    assert page_codes(rendered) == ["036", "042", "043"]


def test_render_page_does_not_depend_on_the_order_the_store_gives_relations_in(tmp_path: Path) -> None:
    from kg.render import page_data, read_cells, read_details, sample_relations

    graph = KnowledgeGraph(tmp_path, synthetic_store(tmp_path, articles=40))
    cells = read_cells(graph)
    details = read_details(graph, page_dir=tmp_path, relations=sample_relations(cells, per_edge=EVIDENCE_PER_EDGE))
    pages = [page_data(graph, order, details, per_edge=EVIDENCE_PER_EDGE) for order in (cells, cells[::-1])]
    assert pages[0]["nodes"] == pages[1]["nodes"]  # the same layout, sizes and blocs
    assert pages[0] == pages[1]


@pytest.mark.parametrize("make_store", [synthetic_store, model_store])
def test_render_details_of_a_few_relations_are_theirs_among_every_relations(
    tmp_path: Path, make_store: Callable[..., object]
) -> None:
    from kg.render import read_cells, read_details

    store = make_store(tmp_path, articles=40) if make_store is synthetic_store else make_store(tmp_path)
    graph = KnowledgeGraph(tmp_path, store)
    every = sorted({cell.sample for cell in read_cells(graph)})
    few = every[::5]  # looked up one by one, where every relation's are read in one pass over the store
    assert 1 < len(few) < len(every) / 2
    details = [read_details(graph, page_dir=tmp_path, relations=relations) for relations in (few, every)]
    for name in ("evidence", "events", "relation_articles"):
        part, whole = getattr(details[0], name), getattr(details[1], name)
        assert part and part == {relation: whole[relation] for relation in few if relation in whole}, name
    assert details[0].articles == {article: details[1].articles[article]
                                   for article in set(details[0].relation_articles.values())}  # fmt: skip
    assert (details[0].labels, details[0].codes, details[0].built) == (
        details[1].labels, details[1].codes, details[1].built)  # fmt: skip


@pytest.mark.parametrize("make_store", [synthetic_store, confidence_store, model_store])
def test_render_page_from_the_relation_table_is_the_page_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_store: Callable[..., object]
) -> None:
    import kg.store.cells
    from kg.store import CELLS_FILE, refresh_cells

    store = make_store(tmp_path, articles=40) if make_store is synthetic_store else make_store(tmp_path)
    graph = KnowledgeGraph(tmp_path, store)
    options = [{}, {"level": "actor"}, {"min_confidence": 0.5}, {"level": "actor", "min_confidence": 0.95}]
    from_store = [render_graph(graph, page_path=tmp_path / PAGE_FILE, **option) for option in options]
    refresh_cells(graph.store, tmp_path / CELLS_FILE)
    monkeypatch.setattr(kg.store.cells, "_ROWS_QUERY", "not a query")  # the store's relations are not read again
    from_table = [render_graph(graph, page_path=tmp_path / PAGE_FILE, **option) for option in options]
    assert read_page_data(from_store[0])["summary"]["relations"] > 0
    assert from_table == from_store  # every edge, cell, filter, sample and evidence block


def test_render_relation_table_of_another_build_or_marked_stale_is_not_read(tmp_path: Path) -> None:
    from kg.store import CELLS_FILE, mark_cells_stale, refresh_cells
    from kg.store.cells import read_cells

    graph = KnowledgeGraph(tmp_path, confidence_store(tmp_path))
    table = tmp_path / CELLS_FILE
    refresh_cells(graph.store, table)
    assert read_cells(graph.store, table) is not None
    mark_cells_stale(table)  # a build is changing the store
    assert read_cells(graph.store, table) is None
    refresh_cells(graph.store, table)
    graph.store.update(
        "INSERT DATA { <https://w3id.org/diplomatic-kg/id/build/newer> a kg:Build ; prov:startedAtTime "
        '"2030-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> }',
        prefixes=PREFIXES,
    )  # (in the default graph, as a build's provenance)
    assert read_cells(graph.store, table) is None  # the table is of an older build than the store's
    table.write_bytes(b"not a table")
    assert read_cells(graph.store, table) is None
    page = read_page_data(render_graph(graph, page_path=tmp_path / PAGE_FILE))  # the store read instead
    assert page_codes(page) == ["036", "042", "043", "111"]


def page_codes(data: dict) -> list[str]:
    """The CAMEO code of each relation a page holds (its confidence is in thousandths, rounded down), sorted."""
    return sorted(data["codes"][index]["code"] for index in data["relations"]["code"])


def test_render_layout_of_many_actors_is_the_same_every_time_and_spread(tmp_path: Path) -> None:
    import networkx as nx

    # 1,500 actors: igraph lays them out on its grid (beyond 1,000), with its own generator, seeded by the page.
    dyads = nx.barabasi_albert_graph(1500, 3, seed=5)
    nx.set_edge_attributes(dyads, 2, "count")
    undirected = nx.relabel_nodes(dyads, {node: f"A{node}" for node in dyads})
    first, second = layout_actors(undirected), layout_actors(undirected)
    assert first == second and len(first) == 1500
    assert len({(round(x), round(y)) for x, y in first.values()}) > 1400  # no two actors on one spot, or nearly


# --- in a real browser -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.fail("Chromium is missing: `make test` installs it with apt-get (package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


class OpenedPage:
    """A page opened with every non-file request blocked and recorded, and console errors collected."""

    def __init__(self, browser: object, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 850})  # type: ignore[attr-defined]
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_selector("body[data-ready=true]", timeout=15_000)

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith("file:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.requests.append(url)
            route.abort()  # type: ignore[attr-defined]

    def js(self, expression: str, argument: object = None) -> object:
        return self.page.evaluate(expression, argument)


@pytest.mark.browser
def test_render_seeds_page_in_chromium(browser: object, seeds_build: Path) -> None:
    page_path = seeds_build / PAGE_FILE
    assert page_path.exists(), "kg build writes graph.html"
    opened = OpenedPage(browser, page_path)
    node_ids = opened.js("kgPage.nodes.getIds()")
    assert {"RUS", "PRK", "USA"} <= set(node_ids)  # type: ignore[arg-type]
    edge_count = opened.js("kgPage.edges.length")
    assert edge_count > 5  # type: ignore[operator]
    # Clicking an edge (through vis-network's own click event at the edge's position) shows its evidence.
    found = click_edge(opened)
    details = opened.page.locator("#details")
    arrow = "↔" if found["id"].endswith("|both") else "→"  # a symmetric relation's edge goes both ways
    assert f"{found['from']} {arrow} {found['to']}" in details.inner_text()
    assert details.locator("blockquote mark").count() >= 1 and details.locator("blockquote").count() >= 1
    # Filters hide and show edges: unticking every cooperation QuadClass leaves conflict only.
    opened.page.locator("#filter-quadclass input[value='1']").uncheck()
    opened.page.locator("#filter-quadclass input[value='2']").uncheck()
    colours = opened.js("kgPage.edges.get().map(e => e.color.color)")
    assert colours and set(colours) <= {"#fd8d3c", "#cb181d"}  # type: ignore[arg-type]
    opened.page.locator("#filter-quadclass input[value='1']").check()
    opened.page.locator("#filter-quadclass input[value='2']").check()
    assert opened.js("kgPage.edges.length") == edge_count
    opened.page.locator("#filter-mode input[value='negated']").check()
    assert opened.js("kgPage.edges.length") >= edge_count  # type: ignore[operator]
    opened.page.fill("#since", "2030")
    assert opened.js("kgPage.edges.get().length") < edge_count  # type: ignore[operator]
    opened.page.fill("#since", "")
    # The search box finds an actor by name, accents or not, and shows its profile.
    opened.page.fill("#search-input", "coree du nord")
    opened.page.click("#search button")
    assert "Corée du Nord" in details.inner_text() and "Wikidata Q423" in details.inner_text()
    # Its measures are named and defined as kg.analysis defines them (the definition on hovering the row).
    measures = opened.js("JSON.parse(document.getElementById('kg-data').textContent).nodes"
                         ".find(node => node.id === 'PRK').measures")  # fmt: skip
    partners = details.locator("table.measures tr", has_text="partenaires distincts")
    assert partners.inner_text().split()[-1] == str(measures["partners"])  # type: ignore[index]
    assert partners.get_attribute("title").startswith("distinct actors it has at least one relation with")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "graph-seeds.png"))
    assert opened.requests == [] and opened.errors == []


@pytest.mark.browser
def test_render_malicious_article_runs_nothing(browser: object, tmp_path: Path) -> None:
    page_path = tmp_path / PAGE_FILE
    write_page(render_graph(malicious_store(tmp_path), page_path=page_path), page_path)
    opened = OpenedPage(browser, page_path)
    edge_id = opened.js("kgPage.edges.get().find(e => e.from === 'NOR').id")
    opened.js(f"kgPage.showEdge({edge_id!r})")
    details = opened.page.locator("#details")
    assert "onerror" in details.inner_text() and "<script>" in details.inner_text()  # shown as text
    assert details.locator("img").count() == 0 and details.locator("script").count() == 0
    assert details.locator("a").count() == 0  # the javascript: URL gave no link
    opened.js("kgPage.showNode('NOR')")
    opened.page.hover("#graph canvas")
    assert opened.js("window.__pwned") is None
    assert opened.requests == [] and opened.errors == []


@pytest.mark.browser
def test_render_confidence_filter_in_chromium(browser: object, tmp_path: Path) -> None:
    graph = KnowledgeGraph(tmp_path, confidence_store(tmp_path))
    page_path = tmp_path / PAGE_FILE
    write_page(render_graph(graph, page_path=page_path, lang="en"), page_path)
    opened = OpenedPage(browser, page_path)

    def shown() -> tuple[list[str], dict[str, int], str]:
        edges = opened.js("Object.fromEntries([...kgPage.edgeRelations()].map(([id, list]) => [id, list.length]))")
        return sorted(edges), edges, opened.page.locator("#shown").inner_text()  # type: ignore[arg-type]

    options = opened.page.locator("#min-confidence option")
    assert options.evaluate_all("items => items.map(item => item.value)") == ["0", "0.3", "0.5", "0.7", "0.9"]
    ids, counts, text = shown()
    assert ids == ["DNK|FIN|3|to", "FIN|NOR|1|to", "NOR|SWE|1|to"] and counts["NOR|SWE|1|to"] == 2
    assert text == "4 relations shown on 3 edges"
    # The one relation of DNK -> FIN (0.2) is hidden, and its edge with it; NOR -> SWE keeps both of its own.
    opened.page.select_option("#min-confidence", "0.3")
    ids, counts, text = shown()
    assert ids == ["FIN|NOR|1|to", "NOR|SWE|1|to"] and counts["NOR|SWE|1|to"] == 2
    assert text == "3 relations shown on 2 edges" and opened.js("kgPage.edges.length") == 2
    # At 0.7, NOR -> SWE keeps its 0.95 relation only; 0.9 itself passes 0.9.
    for step in ("0.7", "0.9"):
        opened.page.select_option("#min-confidence", step)
        ids, counts, text = shown()
        assert ids == ["FIN|NOR|1|to", "NOR|SWE|1|to"] and counts["NOR|SWE|1|to"] == 1, step
        assert text == "2 relations shown on 2 edges", step
    opened.js("kgPage.showEdge('NOR|SWE|1|to')")
    details = opened.page.locator("#details")
    assert "confidence 0.95" in details.inner_text() and "042" not in details.inner_text()
    # It composes with the other filters: no edge has two relations of 0.9 or more.
    opened.page.locator("#min-count").fill("2")
    assert opened.js("kgPage.edges.length") == 0 and shown()[2] == "0 relations shown on 0 edges"
    opened.page.select_option("#min-confidence", "0")
    assert shown()[0] == ["NOR|SWE|1|to"]
    opened.page.locator("#min-count").fill("1")
    assert shown()[2] == "4 relations shown on 3 edges"
    opened.js("kgPage.showEdge('NOR|SWE|1|to')")
    assert "confidence 0.60" in details.inner_text() and "confidence 0.95" in details.inner_text()
    assert opened.requests == [] and opened.errors == []
    # A page rendered with a floor holds nothing below it and offers no step below it.
    write_page(render_graph(graph, page_path=page_path, min_confidence=0.5), page_path)
    floored = OpenedPage(browser, page_path)
    values = floored.page.locator("#min-confidence option").evaluate_all("items => items.map(item => item.value)")
    assert values == ["0.5", "0.7", "0.9"]
    assert "confiance ≥ 0.5" in floored.page.locator("#summary").inner_text()
    assert floored.page.locator("#shown").inner_text() == "3 relations affichées sur 2 arêtes"
    assert floored.requests == [] and floored.errors == []


def click_edge(opened: OpenedPage, edge_id: str | None = None) -> dict:
    """Click an edge (this one, else the first that can be) through vis-network's own click event at a point of
    it that no actor covers (big actors close together can hide a short edge whole); return its ends' labels."""
    found = opened.js(
        """(wanted) => { const n = kgPage.network;
        for (const edge of kgPage.edges.get()) {
          if (wanted && edge.id !== wanted) continue;
          for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
            const dom = n.canvasToDOM(n.body.edges[edge.id].edgeType.getPoint(t));
            if (n.getNodeAt(dom) === undefined && n.getEdgeAt(dom) === edge.id)
              return {x: dom.x, y: dom.y, id: edge.id, from: kgPage.nodes.get(edge.from).label,
                      to: kgPage.nodes.get(edge.to).label};
          }
        }
        return null; }""",
        edge_id,
    )
    assert found is not None, "some edge can be clicked"
    box = opened.page.locator("#graph canvas").bounding_box()
    opened.page.mouse.click(box["x"] + found["x"], box["y"] + found["y"])  # type: ignore[index]
    opened.page.wait_for_selector("#details .relation")
    return found  # type: ignore[return-value]


@pytest.mark.browser
def test_render_edge_evidence_paged_with_its_events_in_chromium(browser: object, tmp_path: Path) -> None:
    page_path = tmp_path / PAGE_FILE
    graph = KnowledgeGraph(tmp_path, busy_edge_store(tmp_path))
    write_page(render_graph(graph, page_path=page_path, lang="en", evidence_per_edge=25), page_path)
    opened = OpenedPage(browser, page_path)
    assert opened.js("kgPage.edges.getIds()") == ["NOR|SWE|1|to"]  # 25 relations, one dyad x QuadClass edge
    assert "evidence" not in opened.js("kgPage.loaded()")  # the evidence is read when an edge is clicked
    click_edge(opened, "NOR|SWE|1|to")
    details = opened.page.locator("#details")
    assert "Norway → Sweden" in details.locator("h2").inner_text()
    assert "25 relations · 10 events" in details.inner_text()
    # Ten relations at a time, each with its evidence sentence (trigger marked) and its source.
    assert details.locator(".relation").count() == 10 and details.locator(".relation blockquote mark").count() == 10
    assert details.locator(".relation a[href^='https://outlet']").count() == 10
    more = details.locator("button.more")
    assert more.inner_text() == "more (15 left)"
    more.click()
    assert details.locator(".relation").count() == 20
    more.click()
    assert details.locator(".relation").count() == 25 and more.count() == 0
    texts = details.locator(".relation blockquote").all_inner_texts()
    assert len(set(texts)) == 25 and all("Oslo et Stockholm" in text for text in texts)
    # The relations are listed under their events, the first days' reports first, with GDELT's counts.
    events = details.locator(".event")
    assert events.count() == 10
    first = events.nth(0)
    assert f"{BUSY_DAYS[0]} – {BUSY_DAYS[3]}" in first.locator("header").inner_text()
    assert "NumMentions 4 · NumSources 4 · NumArticles 4" in first.locator("header").inner_text()
    assert first.locator(".relation").count() == 4
    assert sorted(first.locator(".relation a").all_inner_texts()) == [f"Dépêche {day}" for day in range(1, 5)]
    last = events.nth(9)
    assert "NumMentions 1 · NumSources 1 · NumArticles 1" in last.locator("header").inner_text()
    assert BUSY_DAYS[4] in last.locator("header").inner_text()
    # The filters apply to the panel too: from the fifth day on, the five events of that day only.
    opened.page.fill("#since", BUSY_DAYS[4])
    click_edge(opened, "NOR|SWE|1|to")
    assert "5 relations · 5 events" in details.inner_text() and details.locator(".event").count() == 5
    assert opened.requests == [] and opened.errors == []


@pytest.mark.browser
def test_render_edge_beyond_its_evidence_budget_shows_the_budget_and_the_total_in_chromium(
    browser: object, tmp_path: Path
) -> None:
    # 25 relations on one edge, evidence for 5 of them on the page: the panel counts all 25, lists the 5 most
    # confident and most recent with their sentences, and says how to list the others.
    page_path = tmp_path / PAGE_FILE
    graph = KnowledgeGraph(tmp_path, busy_edge_store(tmp_path))
    write_page(render_graph(graph, page_path=page_path, lang="en", evidence_per_edge=5), page_path)
    data = read_page_data(page_path.read_text(encoding="utf-8"))
    assert data["summary"]["relations"] == 25 == sum(data["relations"]["count"]) and data["sample"]["count"] == [5]
    assert len(data["evidence"]["sentences"]) == 5 and data["perEdge"] == 5
    opened = OpenedPage(browser, page_path)
    assert opened.page.locator("#shown").inner_text() == "25 relations shown on 1 edges"
    click_edge(opened, "NOR|SWE|1|to")
    details = opened.page.locator("#details")
    assert "25 relations" in details.locator(".meta").first.inner_text()
    assert details.locator(".relation").count() == 5 and details.locator(".relation blockquote mark").count() == 5
    assert details.locator("button.more").count() == 0
    # the most recent first (equal confidence): the five reports of the last day
    assert {date for date in opened.js("[...document.querySelectorAll('#details .relation .meta')].map("
                                       "node => node.textContent.match(/\\d{4}-\\d{2}-\\d{2}/)?.[0])") if date} == {
        BUSY_DAYS[-1]}  # fmt: skip
    note = details.locator(".sampled").inner_text()
    assert "evidence of 5 of these 25 relations" in note
    assert "kg query OUT relations_between --param source=NOR --param target=SWE" in note
    # the filters apply to the count and to the sampled relations alike
    opened.page.fill("#until", BUSY_DAYS[0])
    opened.js("kgPage.showEdge('NOR|SWE|1|to')")
    opened.page.wait_for_selector("#details .sampled")
    assert details.locator(".meta").first.inner_text().startswith("5 relations")
    assert details.locator(".relation").count() == 0  # none of the five sampled is of the first day
    assert "evidence of 0 of these 5 relations" in details.locator(".sampled").inner_text()
    assert opened.requests == [] and opened.errors == []
