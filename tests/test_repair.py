"""Repair fixes mojibake and newlines, keeps typography, and maps offsets back exactly."""

from fabula.ingest import load_file, load_text
from fabula.ingest.repair import repair

MOJIBAKE = "She wasn’t sure… and then — silence."
DAMAGED = MOJIBAKE.encode("utf-8").decode("cp1252")  # the classic once-misdecoded UTF-8


def test_mojibake_is_repaired_and_curly_quotes_and_dashes_kept():
    assert DAMAGED != MOJIBAKE and "â€" in DAMAGED
    text, _ = repair(f"“Hello,” she said.\n{DAMAGED}\n")
    assert text == f"“Hello,” she said.\n{MOJIBAKE}\n"


def test_newlines_are_normalised_and_mapped():
    original = "One line.\r\nTwo lines.\rThree.\n"
    text, offsets = repair(original)
    assert text == "One line.\nTwo lines.\nThree.\n"
    for word in ("One", "Two", "Three"):
        assert original[offsets.to_original(text.index(word)):].startswith(word)
    assert offsets.to_original(len(text)) == len(original)


def test_offsets_map_back_around_a_repair():
    original = f"Before. {DAMAGED} After the damage, words."
    text, offsets = repair(original)
    for word in ("Before", "She", "sure", "silence", "After", "words"):
        t = text.index(word)
        o = offsets.to_original(t)
        assert original[o:o + len(word)] == word, word


def test_nfc_normalisation():
    text, _ = repair("Zoe\u0308 smiled.")  # e + combining diaeresis
    assert text == "Zoë smiled."


def test_clean_text_is_unchanged_and_offsets_are_identity(tmp_path):
    clean = "“Hi,” said Anna.\n\nBen nodded — once.\n"
    path = tmp_path / "clean.txt"
    path.write_text(clean, encoding="utf-8")
    source = load_file(path)
    assert source.text == clean
    assert source.offsets.is_identity
    assert not source.meta.repaired


def test_repair_can_be_switched_off():
    source = load_text(f"Title\n\n{DAMAGED}\r\n\nMore text here.", repair_text=False)
    assert DAMAGED in source.text and "\r\n" in source.text
    assert source.offsets.is_identity
