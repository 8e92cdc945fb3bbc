"""Records: one definition of each closed set (QuadClass read from the CAMEO table), and the one JSON round trip
of every record."""

from __future__ import annotations

from pathlib import Path

from kg.records import QuadClass
from kg.resources import load_cameo_codes

CODES_HEADER = "code\tname\tgoldstein\tquadclass\tplover\n"


def test_quadclass_has_gdelt_values_and_labels() -> None:
    assert [(quad.value, quad.label, quad.is_cooperation) for quad in QuadClass] == [
        (1, "verbal cooperation", True),
        (2, "material cooperation", True),
        (3, "verbal conflict", False),
        (4, "material conflict", False),
    ]


def test_cameo_code_quadclass_is_the_tables_not_its_roots(tmp_path: Path) -> None:
    table = tmp_path / "codes.tsv"
    # A table of our own where root 04 is (wrongly, on purpose) a conflict: what the table says wins.
    table.write_text(CODES_HEADER + "04\tConsult\t1.0\t3\tconsult\n040\tConsult, n.e.c.\t1.0\t3\tconsult\n")
    codes = load_cameo_codes.__wrapped__(table)
    assert codes["04"].quadclass is QuadClass.VERBAL_CONFLICT
    assert codes["040"].quadclass is QuadClass.VERBAL_CONFLICT


def test_every_cameo_code_has_a_quadclass_member() -> None:
    codes = load_cameo_codes()
    assert {type(code.quadclass) for code in codes.values()} == {QuadClass}
    assert {code.quadclass for code in codes.values()} == set(QuadClass)
