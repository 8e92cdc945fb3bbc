"""The `kg` command: argument parsing, progress and summaries; each command one call into the library.

The only module that prints. It catches `KgError` once, prints one line and
exits non-zero; unexpected errors print one line too, with the traceback
only under `-v`.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import __version__
from kg.errors import InputError, KgError
from kg.exports import FORMATS
from kg.query import RESULT_FORMATS
from kg.records import Article, Event, Mode
from kg.store import EXPORT_FORMATS
from kg.validation import INFERENCES

if TYPE_CHECKING:
    from kg.exports import GdeltContext

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INTERNAL = 70
EXIT_OUT_OF_MEMORY = 71
# glibc's allocator gives each new thread an arena of its own, 64 MB of address space reserved at once: a
# build's threads (the store's writer, RocksDB's, BLAS's) reserved 330 MB it did not use, enough to fail under
# an address-space limit (`ulimit -v`). Two arenas serve this program's few busy threads.
MALLOC_ARENAS = 2
M_ARENA_MAX = -8  # glibc's mallopt parameter

log = logging.getLogger("kg")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `kg` command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    _limit_malloc_arenas()
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(args.run(args))
    except KgError as error:
        _stderr().print(f"kg: error: {error}", markup=False, highlight=False)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader (head, less) went away: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        _stderr().print("kg: interrupted; outputs already written are intact", highlight=False)
        return 130
    except MemoryError:
        if args.verbose:
            raise
        _stderr().print("kg: error: out of memory (see the README's limits); outputs already written are intact",
                        highlight=False)  # fmt: skip
        return EXIT_OUT_OF_MEMORY
    except Exception as error:  # a bug: one line, the traceback with -v
        if args.verbose:
            raise
        _stderr().print(f"kg: internal error: {error!r} (run with -v for the traceback)", markup=False)
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="count", default=0, help="say more (-vv for debug logs)")
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build and explore a knowledge graph of diplomatic relations from news articles.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")

    build = commands.add_parser(
        "build", parents=[common], help="build the knowledge graph from articles",
        description="Read articles (.txt, .html, .jsonl files or folders of them) and build the outputs under OUT.",
    )  # fmt: skip
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders")
    build.add_argument(
        "-o", "--out", type=Path, default=Path("out"), metavar="OUT", help="output folder (default: out)"
    )
    build.add_argument("--strict", action="store_true", help="exit with status 1 if any input was skipped")
    build.add_argument(
        "--max-bytes", type=_positive_int, default=None, metavar="N",
        help="largest article accepted, in bytes (default: 5 MiB)",
    )  # fmt: skip
    build.add_argument(
        "--workers", type=_positive_int, default=1, metavar="N",
        help="parse and extract in N processes, each loading the model once (default: 1)",
    )  # fmt: skip
    distributed = build.add_mutually_exclusive_group()
    distributed.add_argument(
        "--scheduler", metavar="ADDRESS", help="run the analysis on a Dask cluster (tcp://host:8786)"
    )
    distributed.add_argument(
        "--cluster", choices=("local",), help="run the analysis on a local Dask cluster of --workers processes"
    )
    build.add_argument(
        "--prune", action="store_true", help="remove from the store the articles of earlier builds not in INPUT"
    )
    build.add_argument(
        "--no-baseline", dest="baseline", action="store_false",
        help="skip the co-occurrence baseline (cooccurrence.jsonl, for kg evaluate): about a tenth of a "
        "one-process build's time",
    )  # fmt: skip
    build.set_defaults(run=_run_build)

    actors = commands.add_parser(
        "actors", parents=[common], help="list the actors found in each article of a build",
        description="List, per article, the actors the build resolved, with their mention counts.",
    )  # fmt: skip
    actors.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    actors.set_defaults(run=_run_actors)

    export = commands.add_parser("export", parents=[common], help="export a build's relations")
    export_kinds = export.add_subparsers(title="what", dest="what", metavar="WHAT", required=True)
    events = export_kinds.add_parser(
        "events", parents=[common], help="the relations, as JSON Lines, CSV or GDELT 2.0 columns",
        description="Export the relations of a build: jsonl (the gold schema's fields and more), csv, or gdelt "
        "(GDELT 2.0 event rows: 61 tab-separated columns, no header, as GDELT's own files).",
    )  # fmt: skip
    events.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    events.add_argument("--format", choices=FORMATS, default="jsonl")
    events.add_argument(
        "--modes", metavar="MODES",
        help="relation modes exported, comma-separated: asserted, hypothetical, negated (default: all three for "
        "jsonl and csv, which have a mode column; asserted only for gdelt, which has none)",
    )  # fmt: skip
    events.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    events.add_argument(
        "--min-confidence", type=_probability, default=0.0, metavar="P",
        help="leave out the relations whose confidence (a probability, 0 to 1) is below P (default: 0, all)",
    )  # fmt: skip
    events.set_defaults(run=_run_export_events)

    graph_export = export_kinds.add_parser(
        "graph", parents=[common], help="the RDF graph: TriG, N-Quads, Turtle or JSON-LD",
        description="Export the knowledge graph: trig or nquads (every named graph), turtle or jsonld (their union).",
    )  # fmt: skip
    graph_export.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    graph_export.add_argument("--format", choices=EXPORT_FORMATS, default="trig")
    graph_export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )
    graph_export.set_defaults(run=_run_export_graph)

    query = commands.add_parser(
        "query", parents=[common], help="run a SPARQL query or a named query on a build",
        description="Run SPARQL on a build's graph: a query given as text, in a file (--file), or a named query "
        "of data/queries/ (see --list), with parameters bound safely (--param actor=RUS).",
    )  # fmt: skip
    query.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    query.add_argument("query", nargs="?", metavar="QUERY", help="SPARQL text, or the name of a named query")
    query.add_argument("--file", type=Path, metavar="FILE", help="read the SPARQL query from FILE")
    query.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="bind a parameter (repeatable)"
    )
    query.add_argument("--format", choices=RESULT_FORMATS, default="table")
    query.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    query.set_defaults(run=_run_query)

    serve = commands.add_parser(
        "serve", parents=[common], help="serve a build's graph over the SPARQL 1.1 protocol (read-only)",
        description="Serve the newest snapshot of a build's graph over the SPARQL 1.1 protocol at /query: "
        "read-only, the default graph the union of the named graphs, the prefixes of kg query predefined, "
        "$name=value parameters bound as --param does, no outbound request (SERVICE refused). "
        "SIGHUP serves a newer build's snapshot; Ctrl-C or SIGTERM stops it.",
    )  # fmt: skip
    serve.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    serve.add_argument("--port", type=_positive_int, default=7878, help="TCP port (default: 7878)")
    serve.add_argument(
        "--bind", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument(
        "--timeout", type=_positive_int, default=30, metavar="SECONDS",
        help="bound on a query's whole response: past it the query is stopped and answered 503 (default: 30)",
    )  # fmt: skip
    serve.add_argument("--cors", action="store_true", help="allow cross-origin requests (browser clients)")
    serve.add_argument(
        "--allow-service", action="store_true",
        help="run federated queries (SERVICE <url>): the server then calls any URL a query names (default: refused)",
    )  # fmt: skip
    serve.add_argument(
        "--workers", type=_positive_int, default=2, help="queries answered at once, one process each (default: 2)"
    )
    serve.add_argument(
        "--max-result-mb", type=_positive_int, default=100, metavar="MB",
        help="largest result sent; a larger one is answered 503 (default: 100)",
    )  # fmt: skip
    serve.set_defaults(run=_run_serve)

    validate = commands.add_parser(
        "validate", parents=[common], help="check a build's graph against the SHACL shapes",
        description="Validate the knowledge graph with pySHACL against data/ontology/shapes.ttl.",
    )  # fmt: skip
    validate.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    validate.add_argument(
        "--inference", choices=INFERENCES, default="none",
        help="none (the graph as it is, the default) or rdfs (with what an RDFS reasoner infers from the ontology)",
    )  # fmt: skip
    validate.set_defaults(run=_run_validate)

    analyze = commands.add_parser(
        "analyze", parents=[common], help="network analysis: centrality, dyads, blocs, balance; CSV, GEXF, PNG",
        description="Project a build's graph into networkx and print the centrality table and the dyads of the "
        "main actors; write CSV tables, GEXF and GraphML graphs and PNG pictures under OUT/analysis.",
    )  # fmt: skip
    analyze.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    analyze.add_argument(
        "-o", "--output", type=Path, metavar="DIR", help="where to write the files (default: OUT/analysis)"
    )
    analyze.add_argument("--level", choices=("state", "actor"), default="state",
                         help="state (persons and bodies rolled up to their state, the default) or actor")  # fmt: skip
    analyze.add_argument(
        "--modes", default="asserted", metavar="MODES",
        help="relation modes kept, comma-separated: asserted, hypothetical, negated (default: asserted)",
    )  # fmt: skip
    analyze.add_argument("--roots", metavar="ROOTS", help="CAMEO roots kept, comma-separated (default: all)")
    analyze.add_argument("--since", metavar="DATE", help="keep relations dated on or after DATE (YYYY[-MM[-DD]])")
    analyze.add_argument("--until", metavar="DATE", help="keep relations dated on or before DATE")
    analyze.add_argument(
        "--min-confidence", type=_probability, default=0.0, metavar="P",
        help="leave out the relations whose confidence (a probability, 0 to 1) is below P (default: 0, all)",
    )  # fmt: skip
    analyze.add_argument(
        "--actors", metavar="CODES", help="actors whose dyads to show, comma-separated (default: the main ones)"
    )
    analyze.add_argument("--top", type=_positive_int, default=8, help="how many main actors (default: 8)")
    analyze.set_defaults(run=_run_analyze)

    render = commands.add_parser(
        "render", parents=[common], help="write the interactive HTML page of a build's graph",
        description="Write one self-contained HTML page (works offline) to explore the actors and relations: "
        "filters, evidence for every edge (of its most confident relations), actor profiles. `kg build` writes "
        "OUT/graph.html already.",
    )  # fmt: skip
    render.add_argument("out", type=Path, metavar="OUT", help="a build's output folder")
    render.add_argument("-o", "--output", type=Path, metavar="FILE", help="the page (default: OUT/graph.html)")
    render.add_argument("--level", choices=("state", "actor"), default="state", help="state (default) or actor")
    render.add_argument("--lang", choices=("fr", "en"), default="fr", help="labels in French (default) or English")
    render.add_argument(
        "--colour", choices=("kind", "bloc"), default="kind", help="colour actors by kind (default) or bloc"
    )
    render.add_argument(
        "--min-confidence", type=_probability, default=0.0, metavar="P",
        help="leave out of the page the relations whose confidence is below P (default: 0, all); the page can "
        "hide more",
    )  # fmt: skip
    render.add_argument(
        "--evidence-per-edge", type=_positive_int, default=None, metavar="N",
        help="relations of an edge whose evidence the page carries, the most confident then the most recent "
        "(default: every relation's up to 10,000 relations, else 5; every relation is counted, and the panel says "
        "how to list the others)",
    )  # fmt: skip
    render.set_defaults(run=_run_render)

    evaluate = commands.add_parser(
        "evaluate", parents=[common], help="score extracted relations against gold relations, and class the errors",
        description="Precision, recall and F1 (event, dyad and QuadClass views, per mode and per CAMEO root) of a "
        "build's relations against a gold file, computed as the project's scorer does; with the co-occurrence "
        "baseline, and each miss and false positive classed (wrong mode, direction or code, actor missed, implicit "
        "participant, no trigger, no candidate, trigger but no frame slot, spurious pair) from the build's outputs.",
    )  # fmt: skip
    evaluate.add_argument("gold", type=Path, metavar="GOLD", help="gold relations (JSON Lines)")
    evaluate.add_argument(
        "--system", type=Path, metavar="FILE", help="relations to score (default: OUT/relations.jsonl)"
    )
    evaluate.add_argument(
        "--out", type=Path, metavar="OUT", help="a build's folder (default: out): relations, mentions, baseline"
    )
    scope = evaluate.add_mutually_exclusive_group()
    scope.add_argument("--articles", metavar="IDS", help="score only these articles (comma-separated ids)")
    scope.add_argument(
        "--articles-from", type=Path, metavar="DIR", help="score only the articles of a folder (its .txt file stems)"
    )
    evaluate.add_argument(
        "--show", action="store_true", help="list each miss and false positive with its class and evidence"
    )
    evaluate.add_argument("--json", action="store_true", help="print the scores and errors as one JSON object")
    evaluate.set_defaults(run=_run_evaluate)

    train = commands.add_parser(
        "train", parents=[common], help="train the relation classifier on the project's own sentences",
        description="Train the relation classifier of a language on the sentences the project wrote for it "
        "(data/lang/LANG/training/*.jsonl; never on the corpora it is measured on) and write the model builds "
        "use (data/lang/LANG/relation_model.json). Needs scikit-learn (pip install 'diplomatic-kg[train]'). "
        "Seeded: the same data gives the same model.",
    )  # fmt: skip
    train.add_argument("--lang", default="fr", help="the language (default: fr)")
    train.add_argument(
        "--training", type=Path, metavar="DIR", help="training sentences (default: data/lang/LANG/training)"
    )
    train.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: data/lang/LANG/relation_model.json")
    train.add_argument("--c", type=float, default=0.5, help="inverse L2 regularisation strength (default: 0.5)")
    train.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    train.add_argument(
        "--drop-below", type=float, default=0.0, metavar="P",
        help="builds drop candidates whose probability is below P (default 0: keep all, the probability is the "
        "relation's confidence)",
    )  # fmt: skip
    train.set_defaults(run=_run_train)
    return parser


def _run_train(args: argparse.Namespace) -> int:
    from kg.training import train

    report = train(args.lang, folder=args.training, out=args.output, c=args.c, seed=args.seed,
                   drop_below=args.drop_below)  # fmt: skip
    _stdout().print(
        f"Trained on {report.sentences} sentences: {report.examples} candidates ({report.positives} relations), "
        f"{report.features} features. Cross-validated by sentence: F1 {report.f1:.3f} (P {report.precision:.3f}, "
        f"R {report.recall:.3f}) at probability {report.threshold:.2f}. Proposals where the rules are silent: "
        f"{report.proposals_kept} of {report.proposals} kept (P {report.proposal_precision:.3f}). "
        f"Model written to {report.path}.",
        markup=False, highlight=False,
    )  # fmt: skip
    return EXIT_OK


def _run_build(args: argparse.Namespace) -> int:
    from kg.ingest import DEFAULT_MAX_BYTES
    from kg.pipeline import build
    from kg.workers import open_dask_client

    out = _stdout()
    client = None
    if args.scheduler or args.cluster:
        client = open_dask_client(scheduler=args.scheduler, local_workers=max(args.workers, 2))
    try:
        with _ProgressListener(verbose=args.verbose) as listener:
            report = build(args.inputs, args.out, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, listener=listener,
                           workers=args.workers, dask_client=client, prune=args.prune,
                           baseline=args.baseline)  # fmt: skip
    finally:
        if client is not None:
            client.close()
    out.print(
        f"Read {len(report.articles)} article(s) ({len(report.analysed)} analysed, {len(report.reused)} unchanged); "
        f"skipped {len(report.skipped)} input(s); {report.mentions} actor mention(s); {report.events} relation(s); "
        f"{report.seconds:.1f} s.",
        highlight=False,
    )
    for article_id in report.pruned:
        out.print(f"  pruned {article_id}", markup=False, highlight=False)
    for error in report.skipped:
        out.print(f"  skipped {error}", markup=False, highlight=False)
    for article_id, reason in report.unanalysed.items():
        out.print(f"  not analysed {article_id}: {reason}", markup=False, highlight=False)
    out.print("Outputs:", highlight=False)
    for path in report.outputs:
        out.print(f"  {path}", markup=False, highlight=False)
    return EXIT_ERROR if args.strict and report.skipped else EXIT_OK


def _run_actors(args: argparse.Namespace) -> int:
    from collections import Counter

    from rich.table import Table

    from kg.outputs import read_jsonl
    from kg.pipeline import MENTIONS_FILE

    per_article: dict[str, Counter[str]] = {}
    for record in read_jsonl(args.out / MENTIONS_FILE):
        label = record["code"] if record["actor"] == record["code"] else f"{record['code']} ({record['actor']})"
        per_article.setdefault(record["article"], Counter())[label] += 1
    table = Table("article", "actors (mentions)", title=f"Actors in {args.out}")
    for article_id, counts in sorted(per_article.items()):
        table.add_row(article_id, ", ".join(f"{label} {count}" for label, count in counts.most_common()))
    _stdout().print(table)
    return EXIT_OK


def _run_export_events(args: argparse.Namespace) -> int:
    import contextlib

    from kg.exports import write_events
    from kg.outputs import atomic_writer, read_records
    from kg.pipeline import EVENTS_FILE

    modes = _modes(args.modes) or None
    context = _gdelt_context(args.out) if args.format == "gdelt" else None
    events = read_records(args.out / EVENTS_FILE, Event)
    with atomic_writer(args.output) if args.output else contextlib.nullcontext(sys.stdout) as stream:
        count = write_events(events, stream, format=args.format, gdelt=context, modes=modes,
                             min_confidence=args.min_confidence)  # fmt: skip
    if args.output:
        what = "GDELT row(s)" if args.format == "gdelt" else "relation(s)"
        _stdout().print(f"Wrote {count} {what} to {args.output}", markup=False, highlight=False)
    return EXIT_OK


def _gdelt_context(out: Path) -> GdeltContext:
    """The build's article sources (relative paths taken from the current folder, where builds record them
    from), its time (build.json, else the relations file's), the gazetteer and the CAMEO actor scheme."""
    import datetime as dt

    from kg.exports import GdeltContext, to_gdelt_sources
    from kg.outputs import read_jsonl
    from kg.pipeline import ARTICLES_FILE, EVENTS_FILE, MANIFEST_FILE
    from kg.resources import load_cameo_actor_scheme, load_gazetteer

    sources = to_gdelt_sources(read_jsonl(out / ARTICLES_FILE), folder=Path.cwd())  # no build: the usual error
    try:
        added = dt.datetime.fromisoformat(json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))["built"])
    except (OSError, ValueError, KeyError, TypeError):  # an older or partial build: the relations' own time
        relations = out / EVENTS_FILE
        stamp = relations.stat().st_mtime if relations.exists() else None  # none: reading them says why
        added = dt.datetime.fromtimestamp(stamp, dt.UTC) if stamp is not None else dt.datetime.now(dt.UTC)
    return GdeltContext(sources, added, load_gazetteer(), load_cameo_actor_scheme())


def _modes(value: str | None) -> list[Mode]:
    """The modes of a comma-separated list (any case); `KgError` naming an unknown one."""
    modes = [mode.strip().lower() for mode in (value or "").split(",") if mode.strip()]
    if unknown := [mode for mode in modes if mode not in {known.value for known in Mode}]:
        raise KgError(f"unknown mode {unknown[0]!r}: expected some of {', '.join(Mode)}")
    return [Mode(mode) for mode in modes]


def _run_export_graph(args: argparse.Namespace) -> int:
    from kg.outputs import atomic_binary_writer
    from kg.store import export_graph, open_store

    store = open_store(args.out, read_only=True)
    if args.output:
        with atomic_binary_writer(args.output) as stream:
            export_graph(store, stream, format=args.format)
        _stdout().print(f"Wrote the graph to {args.output}", markup=False, highlight=False)
    else:
        export_graph(store, sys.stdout.buffer, format=args.format)
        sys.stdout.buffer.flush()
    return EXIT_OK


def _run_query(args: argparse.Namespace) -> int:
    from rich.table import Table

    from kg.query import bind_parameters, format_results, load_named_queries, to_text, without_parameters
    from kg.store import open_graph

    named = load_named_queries()
    if args.list:
        table = Table("name", "parameters", "what it answers", title="Named queries (data/queries/)")
        for item in named.values():
            table.add_row(item.name, ", ".join(item.parameters), item.description)
        _stdout().print(table)
        return EXIT_OK
    values = dict(_split_parameter(text) for text in args.param)
    if args.file:
        text, bindings = _read_query_file(args.file), bind_parameters(values)
    elif args.query in named:
        text, bindings = named[args.query].text, bind_parameters(values, expected=named[args.query].parameters)
    elif args.query:
        text, bindings = args.query, bind_parameters(values)
    else:
        raise KgError("give a SPARQL query, a named query (see kg query OUT --list) or --file FILE")
    result = open_graph(args.out).query(text, **bindings)
    if isinstance(result, list):
        result = without_parameters(result, bindings)
    if isinstance(result, bool):
        _stdout().print("true" if result else "false")
    elif not isinstance(result, list):
        sys.stdout.write(result.serialize(format="turtle"))
    elif args.format == "table":
        table = Table(*(result[0] if result else ["(no results)"]))
        for row in result:
            table.add_row(*(to_text(value) for value in row.values()))
        _stdout().print(table)
    else:
        sys.stdout.write(format_results(result, format=args.format))
    return EXIT_OK


def _split_parameter(text: str) -> tuple[str, str]:
    name, separator, value = text.partition("=")
    if not separator or not name:
        raise KgError(f"--param {text!r}: expected NAME=VALUE, such as actor=RUS")
    return name, value


def _read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KgError(f"{path}: cannot read the query ({error})") from error


def _run_serve(args: argparse.Namespace) -> int:
    import signal
    import threading

    from kg.serve import SparqlServer

    server = SparqlServer(
        args.out, bind=args.bind, port=args.port, timeout=args.timeout, cors=args.cors,
        allow_service=args.allow_service, workers=args.workers, max_result_mb=args.max_result_mb,
    )  # fmt: skip
    stopping = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda signum, frame: stopping.set())
    server.start()
    out = _stdout()
    out.print(f"SPARQL endpoint: {server.endpoint} (read-only, snapshot {server.snapshot.name})", highlight=False)
    out.print("Query it with SPARQLWrapper, rdflib or curl; Ctrl-C stops the server, SIGHUP serves the newest build.")
    sys.stdout.flush()

    def reload(signum: int, frame: object) -> None:
        server.reload()
        out.print(f"Now serving snapshot {server.snapshot.name}", highlight=False)

    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, reload)
    try:
        while server.is_running() and not stopping.wait(0.5):
            pass
    finally:
        server.stop()
    if not stopping.is_set():
        raise KgError("the SPARQL server stopped unexpectedly")
    return EXIT_OK


def _run_validate(args: argparse.Namespace) -> int:
    from kg.store import open_store
    from kg.validation import validate_store

    report = validate_store(open_store(args.out, read_only=True), inference=args.inference)
    out = _stdout()
    if report.conforms:
        out.print(f"{args.out}: the graph conforms to the shapes ({report.checked} nodes checked).", highlight=False)
        return EXIT_OK
    out.print(f"{args.out}: {len(report.violations)} violation(s):", highlight=False)
    for violation in report.violations:
        out.print(f"  {violation}", markup=False, highlight=False)
    return EXIT_ERROR


def _run_analyze(args: argparse.Namespace) -> int:
    from rich.table import Table

    from kg import analysis
    from kg.analysis_report import analyze, write_analysis
    from kg.store import open_graph

    def codes(text: str | None) -> list[str] | None:
        return [item.strip() for item in text.split(",") if item.strip()] if text else None

    options = {"level": args.level, "modes": _modes(args.modes) or [Mode.ASSERTED], "roots": codes(args.roots),
               "since": args.since, "until": args.until, "min_confidence": args.min_confidence}  # fmt: skip
    with open_graph(args.out) as graph:  # the measures from the store's aggregates; timeline and GEXF: relations
        actor_graph = analysis.to_actor_graph(graph, **options)
        dyad_graphs = analysis.to_dyad_graphs(graph, **options)
    out = _stdout()
    if actor_graph.number_of_edges() == 0:
        out.print(f"{args.out}: no relation matches; nothing to analyse.", highlight=False)
        return EXIT_OK
    report = analyze(actor_graph, actors=codes(args.actors), top=args.top, dyad_graphs=dyad_graphs)
    files = write_analysis(actor_graph, args.output or args.out / "analysis", report, dyad_graphs=dyad_graphs)
    out.print(_centrality_table(report.centrality.head(max(args.top, 10)), actor_graph, args))
    dyads = Table("source", "target", "relations", "cooperation", "conflict", "mean Goldstein", "first", "last",
                  title=f"Dyads among {', '.join(report.actors)}")  # fmt: skip
    for row in report.dyads.itertuples(index=False):
        dyads.add_row(row.source, row.target, str(row.relations), str(row.cooperation),
                      str(row.conflict), f"{row.goldstein_mean:+.2f}", row.first_date, row.last_date)  # fmt: skip
    out.print(dyads)
    triads = Table("triad", "signs (ab, bc, ac)", "balanced", title="Structural balance: closed signed triads")
    for row in report.triads.itertuples(index=False):
        triads.add_row(
            row.labels, f"{row.sign_ab:+d} {row.sign_bc:+d} {row.sign_ac:+d}", "yes" if row.balanced else "no"
        )
    out.print(triads if len(report.triads) else "No closed signed triad (no three actors all related).")
    out.print(f"Files in {files[0].parent}: {', '.join(path.name for path in files)}", highlight=False)
    return EXIT_OK


def _centrality_table(centrality: Any, actor_graph: Any, args: argparse.Namespace) -> Any:
    """The centrality table as printed: each measure titled and, under the table, defined (kg.analysis.MEASURES)."""
    from rich.table import Table

    from kg.analysis import MEASURES, count_relations

    floor = f", confidence ≥ {args.min_confidence:g}" if args.min_confidence else ""
    title = f"Centrality ({args.level} level, {count_relations(actor_graph)} relations{floor})"
    measures = {measure.column: measure for measure in MEASURES}
    shown = [name for name in ("relations", "partners", "betweenness", "closeness", "eigenvector", "pagerank")
             if name in centrality.columns]  # fmt: skip
    parts = "/".join(measures[f"relations_{side}"].title for side in ("out", "in", "symmetric"))
    headers = [f"relations ({parts})" if name == "relations" else measures[name].title for name in shown]
    definitions = "\n".join(f"{measures[name].title}: {measures[name].definition}" for name in shown)
    table = Table("actor", "name", *headers, title=title, caption=definitions, caption_justify="left")
    for actor, row in centrality.iterrows():
        cells = [f"{row['relations']} ({row['relations_out']}/{row['relations_in']}/{row['relations_symmetric']})"
                 if name == "relations" else str(row[name]) if name == "partners" else f"{row[name]:.3f}"
                 for name in shown]  # fmt: skip
        table.add_row(actor, str(row["label"]), *cells)
    return table


def _run_render(args: argparse.Namespace) -> int:
    from kg.render import PAGE_FILE, render_graph, write_page
    from kg.store import open_graph

    path = args.output or args.out / PAGE_FILE
    with open_graph(args.out) as graph:
        page = render_graph(graph, page_path=path, level=args.level, lang=args.lang, colour=args.colour,
                            min_confidence=args.min_confidence, evidence_per_edge=args.evidence_per_edge)  # fmt: skip
    write_page(page, path)
    _stdout().print(f"Wrote {path} ({len(page.encode('utf-8')) / 1024:.0f} KiB, works offline)", highlight=False)
    return EXIT_OK


def _run_evaluate(args: argparse.Namespace) -> int:
    import json

    from kg.evaluate import evaluate, read_article_ids, read_corpus, read_relations
    from kg.pipeline import ARTICLES_FILE, BASELINE_FILE, DEFAULT_OUT, EVENTS_FILE, MANIFEST_FILE, MENTIONS_FILE

    out_dir = args.out or DEFAULT_OUT
    gold = read_relations(args.gold)
    system = read_relations(args.system or out_dir / EVENTS_FILE)
    articles = (
        {name.strip() for name in args.articles.split(",") if name.strip()} if args.articles
        else read_article_ids(args.articles_from) if args.articles_from else None
    )  # fmt: skip
    scope = articles if articles is not None else {relation.article for relation in gold}
    # The build's outputs explain the errors of its own relations (or of --system's, when --out is given too).
    baseline_path = out_dir / BASELINE_FILE
    corpus = None
    if (args.system is None or args.out is not None) and (out_dir / MENTIONS_FILE).exists():
        baseline_file = baseline_path if baseline_path.exists() else None
        manifest = out_dir / MANIFEST_FILE if (out_dir / MANIFEST_FILE).exists() else None
        corpus = read_corpus(out_dir / ARTICLES_FILE, out_dir / MENTIONS_FILE, baseline_file, manifest_path=manifest,
                             articles=scope)  # fmt: skip
    result = evaluate(gold, system, articles=articles, corpus=corpus)
    baseline = (
        evaluate(gold, read_relations(baseline_path), articles=articles)
        if args.system is None and baseline_path.exists() else None
    )  # fmt: skip
    if args.json:
        _stdout().print_json(json.dumps(_evaluation_payload(result, baseline)))
        return EXIT_OK
    out = _stdout()
    rows = [(view, score) for view, score in result.views.items()]
    rows += [(f"baseline {view}", score) for view, score in (baseline.views.items() if baseline else ())]
    out.print(_score_table("view", rows, title=f"Relations scored against {args.gold}"))
    out.print(_score_table("mode", list(result.per_mode.items()), title="Event view per mode (scored apart)"))
    out.print(_score_table("root", list(result.per_root.items()), title="Event view per CAMEO root"))
    out.print(_error_table(result))
    for note in result.notes:
        out.print(f"note: {note}", markup=False, highlight=False)
    if args.show:
        _print_errors(out, result)
    return EXIT_OK


def _evaluation_payload(result: Any, baseline: Any) -> dict[str, Any]:
    from dataclasses import asdict

    payload: dict[str, Any] = {view: vars(score) for view, score in result.views.items()}
    payload["per_mode"] = {mode: vars(score) for mode, score in result.per_mode.items()}
    payload["per_root"] = {root: vars(score) for root, score in result.per_root.items()}
    if baseline:
        payload["baseline"] = {view: vars(score) for view, score in baseline.views.items()}
    payload["error_classes"] = {side: result.error_counts(side) for side in ("miss", "false positive")}
    payload["errors"] = [asdict(error) for error in result.errors]
    payload["notes"] = list(result.notes)
    return payload


def _score_table(first: str, rows: list[tuple[str, Any]], *, title: str) -> Any:
    from rich.table import Table

    table = Table(first, "P", "R", "F1", "gold", "system", title=title)
    for name, score in rows:
        table.add_row(
            name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", str(score.gold), str(score.system)
        )
    return table


def _error_table(result: Any) -> Any:
    from rich.table import Table

    from kg.evaluate import ErrorClass

    misses, false_positives = result.error_counts("miss"), result.error_counts("false positive")
    table = Table("error class", "misses", "false positives", title="Event-view errors by class")
    for error_class in ErrorClass:
        if error_class in misses or error_class in false_positives:
            counts = (misses.get(error_class, ""), false_positives.get(error_class, ""))
            table.add_row(error_class.value, *map(str, counts))
    table.add_row("total", str(sum(misses.values())), str(sum(false_positives.values())), style="bold")
    return table


def _print_errors(out: Any, result: Any) -> None:
    """Each error on one line (greppable: MISS or FP, class, article, relation), its evidence on the next."""
    from kg.evaluate import ErrorClass

    sides = (("miss", "MISS", "gold", "system"), ("false positive", "FP  ", "system", "gold"))
    for side, label, whose, other in sides:
        for error_class in ErrorClass:
            for error in (e for e in result.errors if e.side == side and e.error_class == error_class):
                link = "<>" if error.symmetric else ">"
                line = f"{label} {error.error_class:<25} {error.article} {error.source}{link}{error.target} "
                line += f"{error.root} {error.mode}"
                line += f"  trigger: {error.trigger}" if error.trigger else ""
                line += f"  ({other}: {error.counterpart})" if error.counterpart else ""
                out.print(line, markup=False, highlight=False)
                out.print(f"     {whose}: {error.evidence or '(no evidence)'}", markup=False, highlight=False)


class _ProgressListener:
    """A rich progress bar on stderr (only on a terminal), and per-article detail under -v."""

    def __init__(self, *, verbose: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._verbose = verbose
        console = _stderr()
        self._progress = Progress(
            TextColumn("reading articles"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True, disable=not console.is_terminal,
        )  # fmt: skip
        self._task = self._progress.add_task("read", total=None)

    def __enter__(self) -> _ProgressListener:
        self._progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._progress.stop()

    def started(self, files: int) -> None:
        self._progress.update(self._task, total=files)

    def file_done(self, path: Path) -> None:
        self._progress.advance(self._task)

    def article_read(self, article: Article) -> None:
        if not self._verbose:
            return
        console = self._progress.console
        date = f"{article.date.isoformat()} ({article.date.source})" if article.date else "date unknown"
        console.print(f"{article.id}: {article.title!r}, {article.lang}, {date}", markup=False, highlight=False)
        for removal in article.removed:
            excerpt = " ".join(removal.text.split())
            excerpt = excerpt if len(excerpt) <= 100 else excerpt[:97] + "..."
            console.print(f"  removed {removal.reason}: {excerpt!r}", markup=False, highlight=False)

    def input_skipped(self, error: InputError) -> None:
        self._progress.console.print(f"skipped {error}", markup=False, highlight=False)


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number


def _probability(value: str) -> float:
    number = float(value)  # argparse reports a ValueError as an invalid value
    if not 0.0 <= number <= 1.0:  # NaN fails too
        raise argparse.ArgumentTypeError(f"{value} is not a probability from 0 to 1 (such as 0.8)")
    return number


def _limit_malloc_arenas() -> None:
    """Cap glibc's malloc arenas at `MALLOC_ARENAS` (see there); nothing elsewhere."""
    import ctypes
    import ctypes.util

    if sys.platform != "linux" or "MALLOC_ARENA_MAX" in os.environ:  # the user's own setting wins
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(M_ARENA_MAX, MALLOC_ARENAS)
    except (OSError, AttributeError):  # not glibc (musl has no arenas to cap)
        log.debug("malloc arenas left as they are: no glibc mallopt")


def _configure_logging(verbose: int) -> None:
    from rich.logging import RichHandler

    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    handler = RichHandler(console=_stderr(), show_time=False, show_path=False, markup=False)
    handler.setLevel(level)  # libraries that set their own loggers' levels (Dask) do not get past -v
    logging.basicConfig(level=level, handlers=[handler], format="%(message)s", force=True)
    for noisy in ("trafilatura", "htmldate", "charset_normalizer", "distributed", "tornado", "bokeh"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def _stdout():
    return _console_class()(soft_wrap=True)


def _stderr():
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


@functools.cache
def _console_class() -> type:
    """rich's Console, but a reader that went away (`kg build | head -1`) ends the command as `main` says (the
    work is done: status 0), not with rich's own exit status 1."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _Console
