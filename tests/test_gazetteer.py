"""The actor gazetteer: every row is valid, and a bad row fails with the file name and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.records import ActorKind, Gazetteer
from kg.resources import data_dir, load_gazetteer

QID = re.compile(r"^Q[1-9]\d*$")


def test_gazetteer_has_every_sovereign_state_with_code_and_qid(gazetteer: Gazetteer) -> None:
    states = [actor for actor in gazetteer.actors.values() if actor.kind is ActorKind.STATE]
    assert len(states) == 197  # 193 UN members, Taiwan, Kosovo, Palestine, the Holy See
    assert all(re.fullmatch(r"[A-Z]{3}", state.id) and state.qid and QID.match(state.qid) for state in states)
    assert gazetteer.actors["PRK"].label_fr == "Corée du Nord" and gazetteer.actors["PRK"].qid == "Q423"


def test_gazetteer_schema_collective_actors_exist(gazetteer: Gazetteer) -> None:
    for code in ("UNO", "WST", "EUR", "NAT", "UKRSEP"):
        assert gazetteer.actors[code].kind is ActorKind.COLLECTIVE


def test_gazetteer_every_row_is_valid(gazetteer: Gazetteer) -> None:
    for actor in gazetteer.actors.values():
        assert actor.state in gazetteer.actors
        assert actor.qid is None or QID.match(actor.qid)
    for alias in gazetteer.aliases:
        assert alias.actor in gazetteer.actors and alias.text.strip()
    for office in gazetteer.offices:
        assert gazetteer.actors[office.person].kind is ActorKind.PERSON
        assert office.end is None or office.start < office.end


def test_gazetteer_news_forms_are_present(gazetteer: Gazetteer) -> None:
    forms = {(alias.text, alias.actor) for alias in gazetteer.aliases if alias.lang == "fr"}
    for form in [
        ("RPDC", "PRK"),
        ("Etats-Unis", "USA"),
        ("Russie", "RUS"),
        ("Moscou", "RUS"),
        ("Kremlin", "RUS"),
        ("Maison Blanche", "USA"),
        ("Pentagone", "USA"),
        ("Pékin", "CHN"),
        ("Kyiv", "UKR"),
        ("Bruxelles", "EUR"),
        ("KCNA", "PRK"),
        ("OTAN", "NAT"),
        ("Sergei K. Shoigu", "sergei-shoigu"),
        ("Kim Jong Un", "kim-jong-un"),
    ]:
        assert form in forms, form
    assert gazetteer.demonyms[("fr", "nord-coréennes")] == ("PRK", False)


def test_gazetteer_ambiguous_alias_must_be_marked(gazetteer: Gazetteer) -> None:
    by_form: dict[tuple[str, str], set[str]] = {}
    for alias in gazetteer.aliases:
        by_form.setdefault((alias.lang, alias.text.casefold()), set()).add(alias.actor)
    shared = {form for form, actors in by_form.items() if len(actors) > 1}
    assert ("fr", "kim") in shared
    for alias in gazetteer.aliases:
        if (alias.lang, alias.text.casefold()) in shared:
            assert alias.ambiguous, alias


def test_gazetteer_offices_know_who_led_when(gazetteer: Gazetteer) -> None:
    import datetime as dt

    def leader(state: str, role: str, day: dt.date) -> set[str]:
        return {o.person for o in gazetteer.offices if o.state == state and o.role == role and o.holds_on(day)}

    assert leader("PRK", "leader", dt.date(2023, 9, 13)) == {"kim-jong-un"}
    assert leader("USA", "head-of-state", dt.date(2018, 6, 12)) == {"donald-trump"}
    assert leader("USA", "head-of-state", dt.date(2022, 6, 1)) == {"joe-biden"}
    assert leader("USA", "head-of-state", dt.date(2025, 6, 1)) == {"donald-trump"}


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the actors and the French pack's names: a data folder to break."""
    shutil.copytree(data_dir() / "actors", tmp_path / "actors")
    (tmp_path / "lang").mkdir()
    shutil.copytree(data_dir() / "lang" / "fr", tmp_path / "lang" / "fr")
    return tmp_path


def _append(path: Path, row: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, row]) + "\n", encoding="utf-8")
    return len(lines) + 1


def test_gazetteer_unknown_code_fails_with_file_and_line(data_copy: Path) -> None:
    line = _append(data_copy / "lang" / "fr" / "aliases.tsv", "Atlantide\tATL\tname\t")
    with pytest.raises(DataError, match=rf"aliases.tsv:{line}: unknown actor 'ATL'"):
        load_gazetteer.__wrapped__(data_copy)


def test_gazetteer_malformed_qid_fails_with_file_and_line(data_copy: Path) -> None:
    line = _append(data_copy / "actors" / "actors.tsv", "jean-dupont\tperson\tFRA\tX123\tJean Dupont\tJean Dupont")
    with pytest.raises(DataError, match=rf"actors.tsv:{line}: malformed Wikidata QID 'X123'"):
        load_gazetteer.__wrapped__(data_copy)


def test_gazetteer_wrong_column_count_fails_with_file_and_line(data_copy: Path) -> None:
    line = _append(data_copy / "actors" / "offices.tsv", "vladimir-putin\tRUS\thead-of-state")
    with pytest.raises(DataError, match=rf"offices.tsv:{line}: expected 5 tab-separated fields, found 3"):
        load_gazetteer.__wrapped__(data_copy)


def test_gazetteer_unmarked_alias_for_two_actors_fails(data_copy: Path) -> None:
    line = _append(data_copy / "lang" / "fr" / "aliases.tsv", "Poutine\tdmitry-medvedev\tperson-name\t")
    with pytest.raises(DataError, match=rf"aliases.tsv:{line}: alias 'Poutine' points to several actors"):
        load_gazetteer.__wrapped__(data_copy)


def test_gazetteer_world_leaders_act_for_their_states(gazetteer: Gazetteer) -> None:
    # Heads of state and government, ministers and heads of the schema's bodies that news names by surname.
    forms = {alias.text: alias.actor for alias in gazetteer.aliases if alias.lang == "fr"}
    for name, state in [("Macron", "FRA"), ("Scholz", "DEU"), ("Erdogan", "TUR"), ("Modi", "IND"),
                        ("Netanyahou", "ISR"), ("Stoltenberg", "NAT"), ("von der Leyen", "EUR"), ("Grossi", "UNO"),
                        ("Lai Ching-te", "TWN"), ("Duterte", "PHL"), ("Zakharova", "RUS")]:  # fmt: skip
        assert gazetteer.actors[forms[name]].state == state, name


def test_gazetteer_people_beyond_leaders_act_for_their_states(gazetteer: Gazetteer) -> None:
    # Legislative leaders, UN ambassadors, envoys, intelligence and army chiefs, EU, NATO and UN officials: news
    # naming them reports their state's act, whether or not the gazetteer gives them an office.
    for lang, name, state in [("en", "Nancy Pelosi", "USA"), ("en", "Schumer", "USA"), ("en", "Tulsi Gabbard", "USA"),
                              ("en", "Barbara Woodward", "GBR"), ("en", "Kim Kye-gwan", "PRK"),
                              ("en", "Kwon Young-se", "KOR"), ("en", "Wellington Koo", "TWN"),
                              ("en", "Maros Sefcovic", "EUR"), ("fr", "Volodine", "RUS"),
                              ("fr", "Ali Chamkhani", "IRN"), ("fr", "Lakhdar Brahimi", "UNO"),
                              ("fr", "Mircea Geoana", "NAT"), ("fr", "Édouard Philippe", "FRA"),
                              ("fr", "Wang Wentao", "CHN")]:  # fmt: skip
        forms = {alias.text: alias.actor for alias in gazetteer.aliases if alias.lang == lang}
        assert gazetteer.actors[forms[name]].state == state, name
