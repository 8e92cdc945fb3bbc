"""Generate data/actors/states.tsv: every sovereign state with its code, Wikidata QID and names.

Run by hand when the sources change (it needs the dev extras: pycountry and
country-converter):

    .venv/bin/python scripts/generate_states.py

Sources:
- the list of states: UN member states from country-converter's table (its
  `UNmember` column), plus Taiwan, Kosovo, Palestine and the Holy See;
- English and French names: pycountry's ISO 3166-1 names and their French
  translation (its bundled iso-codes gettext catalogues), the short common
  name where ISO gives one;
- QIDs: data/sources/wikidata_state_qids.tsv (see data/README.md).
Names in news usage that differ ("Russie" for "Russie, Fédération de") are
completed below, by hand, in FRENCH_NAME_FIXES.
"""

from __future__ import annotations

import csv
import gettext
from importlib.resources import files
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
QIDS = ROOT / "data" / "sources" / "wikidata_state_qids.tsv"
OUTPUT = ROOT / "data" / "actors" / "states.tsv"
NON_MEMBERS = {"TWN": "non-member", "XKX": "non-member", "PSE": "observer", "VAT": "observer"}
KOSOVO = ("Kosovo", "Kosovo")
# ISO's French names are inverted or official where news say otherwise.
FRENCH_NAME_FIXES = {
    "BOL": "Bolivie", "BRN": "Brunei", "COD": "République démocratique du Congo", "COG": "République du Congo",
    "FSM": "Micronésie", "IRN": "Iran", "LAO": "Laos", "MDA": "Moldavie", "PSE": "Palestine",
    "RUS": "Russie", "SYR": "Syrie", "TWN": "Taïwan", "TZA": "Tanzanie", "VAT": "Saint-Siège",
    "VEN": "Venezuela", "VNM": "Viêt Nam", "MKD": "Macédoine du Nord", "CZE": "Tchéquie", "GBR": "Royaume-Uni",
    "USA": "États-Unis", "PRK": "Corée du Nord", "KOR": "Corée du Sud", "NLD": "Pays-Bas", "CIV": "Côte d'Ivoire",
    "SWZ": "Eswatini", "TLS": "Timor oriental", "CPV": "Cap-Vert", "SLB": "Îles Salomon",
}  # fmt: skip
ENGLISH_NAME_FIXES = {
    "COD": "Democratic Republic of the Congo", "FSM": "Micronesia", "RUS": "Russia", "TWN": "Taiwan", "VAT": "Holy See", "PSE": "Palestine",
    "USA": "United States",
}  # fmt: skip


def main() -> None:
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    qids = {row["code"]: row["qid"] for row in _read_tsv(QIDS)}
    rows = []
    for code in sorted(_un_members() | NON_MEMBERS.keys()):
        name_en, name_fr = _names(code, french)
        status = NON_MEMBERS.get(code, "un-member")
        rows.append((code, qids[code], name_en, name_fr, status))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("code", "qid", "name_en", "name_fr", "status"))
        writer.writerows(rows)
    print(f"wrote {len(rows)} states to {OUTPUT}")


def _names(code: str, french: gettext.NullTranslations) -> tuple[str, str]:
    if code == "XKX":
        return KOSOVO
    country = pycountry.countries.get(alpha_3=code)
    iso_name = getattr(country, "common_name", None) or country.name
    name_en = ENGLISH_NAME_FIXES.get(code, iso_name)
    return name_en, FRENCH_NAME_FIXES.get(code, french.gettext(iso_name))


def _un_members() -> set[str]:
    table = files("country_converter") / "country_data.tsv"
    with table.open(encoding="utf-8") as handle:
        return {row["ISO3"] for row in csv.DictReader(handle, delimiter="\t") if row["UNmember"].strip()}


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


if __name__ == "__main__":
    main()
