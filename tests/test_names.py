"""Name parsing and given-name forms: the rules the cast stage joins names by."""

import pytest

from fabula.names import given_name_gender, parse_name, same_given_name


@pytest.mark.parametrize("a, b", [
    ("Lizzy", "Elizabeth"), ("Eliza", "Elizabeth"), ("Peggy", "Margaret"), ("Peggy", "Meg"), ("Nance", "Nancy"),
    ("Tom", "Tommy"), ("Tom", "Thomas"), ("Will", "William"), ("Wes", "Wesley"), ("Sissy", "Cecilia"),
    ("Kit", "Kitty"), ("Pat", "Patty"),
])
def test_forms_of_one_name(a, b):
    assert same_given_name(a, b) and same_given_name(b, a)


@pytest.mark.parametrize("a, b", [
    ("Jane", "Janet"), ("Harry", "Hetty"), ("Charles", "Charlotte"), ("Ann", "Anna"), ("Mary", "Maria"),
])
def test_different_names(a, b):
    assert not same_given_name(a, b)


@pytest.mark.parametrize("a, b, alike", [
    ("Nance", "Nancy", True), ("Lizzy", "Eliza", True), ("Katie", "Kate", True), ("Bessie", "Eliza", False),
    ("Betty", "Liza", False), ("Meg", "Peggy", False),
])
def test_two_nicknames_of_one_name_join_alone_only_when_they_look_alike(a, b, alike):
    # without the formal name between them, "Bessie" and "Eliza" are two women, "Nance" and "Nancy" one
    assert same_given_name(a, b)
    assert same_given_name(a, b, siblings=False) is alike


def test_a_nickname_joins_its_formal_name_whatever_it_looks_like():
    assert same_given_name("Bessie", "Elizabeth", siblings=False) and same_given_name("Peggy", "Margaret", siblings=False)


def test_a_particle_alone_is_a_given_name_where_people_bear_it():
    # "Van", "Al", "Mac" alone call someone; "De" alone is a name cut short, "Van Helsing" a surname
    assert parse_name(["Van"]).words == ("van",) and parse_name(["Al"]).words == ("al",)
    assert parse_name(["De"]).words == () and parse_name(["Marquis", "de"]).words == ()
    assert parse_name(["Al", "Pryor"]).given == "al" and parse_name(["Van", "Helsing"]).given is None


def test_parse_names():
    p = parse_name(["Mr.", "Oswin", "Tarrant"])
    assert (p.honorific, p.given, p.surname, p.honorific_gender) == ("mr", "oswin", "tarrant", "M")
    p = parse_name(["Lady", "Clara", "de", "Vere"])
    assert (p.given, p.surname) == ("clara", "de vere")
    p = parse_name(["Professor", "de", "Worms"])  # a particle is no given name
    assert (p.honorific, p.given, p.surname) == ("professor", None, "worms")
    assert parse_name(["Marquis", "de"]).words == () and parse_name(["De"]).words == ()  # a name cut short
    assert parse_name(["Miss", "Harlow"]).surname == "harlow"
    assert parse_name(["Miss", "Lizzy"]).given == "lizzy"
    lady = parse_name(["Lady", "Merton"])  # a surname or an unknown given name: left open
    assert lady.given is None and lady.surname is None and lady.words == ("merton",)
    titled = parse_name(["the", "Ferryman"])
    assert titled.key == "the ferryman" and titled.given is None and titled.surname is None
    vicar = parse_name(["the", "Rev.", "Mr.", "Quennell"])  # a titled name after the article
    assert (vicar.honorific, vicar.surname) == ("rev", "quennell")
    assert parse_name(["the", "Duke", "of", "Omnium"]).key == "the duke of omnium"  # a title, not a name


def test_given_name_gender_is_a_prior():
    assert given_name_gender("Margaret") == "F" and given_name_gender("Peggy") == "F"
    assert given_name_gender("Thomas") == "M" and given_name_gender("Rook") == ""


def test_a_hyphenated_given_name_has_its_parts_gender_where_they_agree():
    assert given_name_gender("Mary-Anne") == "F" and given_name_gender("John-Henry") == "M"
    assert given_name_gender("Anne-Paul") == ""
