"""Letters: a letter's "I" is its writer and its "you" the one it is written to."""

import fabula
from fabula.dialogue import QuotedText
from fabula.stages.letters import letters


def _links(text):
    story = fabula.read(text)
    names = {c.id: c.name for c in story.characters}
    return [(story.text[m.start:m.end], names.get(m.character)) for m in story.mentions], story


COUSIN = ("The Letter\n\nAnna Price opened the envelope at breakfast. It was from her cousin Clara Dunn, who had gone "
          "to the farm for the summer. Anna read it twice.\n\n"
          "Dearest Anna,\n\nI am happy at the farm. I walk by the river every morning, and I think "
          "of you each time I pass the mill. You would love the orchard.\n\n"
          "Your affectionate Clara\n\n"
          "Anna folded the letter and smiled. She put it in her pocket and went out to the garden.\n\n"
          "A week later a second envelope came, in the same round hand.\n\n"
          "Dearest Anna,\n\nI have bought a pony, and I ride him to the village for the post. I wish you could see "
          "him.\n\nAnna laughed aloud and ran to show her mother.\n")


def test_a_letter_in_the_narration_is_told_by_its_signer_to_whom_it_greets_and_so_is_the_next_unsigned_one():
    links, story = _links(COUSIN)
    assert {who for word, who in links if word == "I"} == {"Clara Dunn"}
    assert {who for word, who in links if word.lower() == "you"} == {"Anna Price"}
    assert not any(c.is_narrator for c in story.characters)  # the story itself is told in the third person


CORRESPONDENCE = (
    "Letters from the Coast\n\nLETTER I. MR. CARDEW TO MRS. PRUETT\n\nMadam, I write to you from the inn at the "
    "harbour. Mrs. Pruett will forgive me for writing so soon. I have found the house you asked about, and I think "
    "you will like it.\n\nLETTER II. MRS. PRUETT TO MR. CARDEW\n\nSir, I thank you for your letter. Mr. Cardew is "
    "too kind. I shall come down in June, and I hope you will meet me at the coach.\n")


def test_a_heading_names_the_writer_and_the_one_written_to():
    story = fabula.read(CORRESPONDENCE)
    names = {c.id: c.name for c in story.characters}
    second = story.text.index("LETTER II.")
    said = [(m.start < second, story.text[m.start:m.end], names.get(m.character)) for m in story.mentions
            if story.text[m.start:m.end] in ("I", "me", "you")]
    assert {(word, who) for first, word, who in said if first} == {
        ("I", "Mr. Cardew"), ("me", "Mr. Cardew"), ("you", "Mrs. Pruett")}
    assert {(word, who) for first, word, who in said if not first} == {
        ("I", "Mrs. Pruett"), ("me", "Mrs. Pruett"), ("you", "Mr. Cardew")}


def test_a_titled_writer_named_only_in_the_heading_is_someone():
    story = fabula.read("From the Coast\n\nLETTER I. MR. CARDEW TO MRS. PRUETT\n\nMadam, I reached the harbour "
                        "last night. I have found the house, and I think you will like it. Mrs. Pruett will forgive "
                        "my haste.\n")
    names = {c.id: c.name for c in story.characters}
    said = {(story.text[m.start:m.end], names.get(m.character)) for m in story.mentions
            if story.text[m.start:m.end] in ("I", "you")}
    assert said == {("I", "Mr. Cardew"), ("you", "Mrs. Pruett")}
    cardew = next(c for c in story.characters if c.name == "Mr. Cardew")
    assert [story.text[m.start:m.end] for m in story.mentions if m.character == cardew.id and m.kind == "PROP"] \
        == ["MR. CARDEW"]  # the heading is their mention


DIARY_LETTERS = (
    "Letters to Nell\n\nDear Nell Farrow: The school opened this morning. I stood on its steps at eight, "
    "where the children could see me shake. I have thirty of them now, and I know the names of twenty.\n\n"
    "NEXT DAY.\n\nI have learnt the other ten. You would laugh to see me at the blackboard.\n\n"
    "Yours ever, Calder Hythe\n\n"
    "Dear Nell Farrow: The rain has come. I sit by the stove and write to you while the children draw. I miss the "
    "city, and I miss you, though I would not go back for the world.\n")


def test_one_writers_letters_are_the_story_and_an_unsigned_one_is_theirs_too():
    links, story = _links(DIARY_LETTERS)
    narrator = [c.name for c in story.characters if c.is_narrator]
    assert narrator == ["Calder Hythe"]
    assert {who for word, who in links if word in ("I", "me")} == {"Calder Hythe"}
    assert {who for word, who in links if word.lower() == "you"} == {"Nell Farrow"}


def test_a_chapter_title_in_capitals_makes_no_one():
    story = fabula.read("MRS. HOLLY GOES TO TOWN\n\nTom Baker drove the cart, and Anna Price sat beside him. "
                        "They reached the town at noon.\n\nMRS. HOLLY GOES TO TOWN\n\nAnna bought thread.\n")
    assert not any("Holly" in c.name or "HOLLY" in c.name for c in story.characters)


def test_headings_that_name_no_one_are_no_letters():
    story = fabula.read("A VOYAGE TO THE ISLANDS\n\nTom Baker sailed in May. He wrote nothing and told no one.\n")
    assert letters(story, QuotedText(story), lambda name, at=None: None) == []


def test_an_unsigned_letter_is_over_where_the_talk_starts_again():
    story = fabula.read("The Farm\n\nDearest Anna,\n\nI am at the farm, and the orchard is in flower.\n\n"
                        "\"Who wrote to you?\" asked Tom Baker.\n\nAnna smiled and said nothing, and you could see "
                        "she was pleased.\n")
    found = letters(story, QuotedText(story), lambda name, at=None: "anna" if name == "Anna" else None)
    assert len(found) == 1 and found[0].to == "anna" and found[0].writer is None
    assert "orchard" in story.text[found[0].start:found[0].end]
    assert "Who wrote" not in story.text[found[0].start:found[0].end]


def test_a_long_line_opening_with_your_goes_on_with_the_letter():
    # "Your Ladyship may have heard that I …" is the letter going on, not its sign-off: the "I"
    # after it is still the writer's, not whoever the line happens to name
    story = ("Letters from the Coast\n\nLETTER I. MR. CARDEW TO LADY DRUMMOND\n\nMadam, I write from the inn. "
             "I have found the house.\n\nYour Ladyship may perhaps have heard that I once travelled with Tom "
             "Baker, the painter, when he was a young man and poor.\n\nI went back to the harbour at noon. I "
             "watched the boats for an hour, and I thought of you.\n\nLETTER II. LADY DRUMMOND TO MR. CARDEW\n\n"
             "Sir, I thank you for your letter. I shall come in June.\n")
    links, _ = _links(story)
    mine = [who for word, who in links if word == "I"]
    assert mine[:6] == ["Mr. Cardew"] * 6


def test_talk_quoted_in_a_letter_that_is_signed_after_it_is_the_letters():
    # the talk seemed to end the unsigned letter, but its writer signs it after: it was quoted in it;
    # and greeting the same person again ("My dear Anna, -- and Tom too") starts no new letter
    story = fabula.read("The Farm\n\nDearest Anna,\n\nI am at the farm, and the orchard is in flower.\n\n"
                        "My dearest Anna, -- I can hear you both already:\n\n\"Is she happy there?\" asks Tom "
                        "Baker.\n\nShe is, and I walk by the river every morning.\n\n"
                        "Yours as ever , and meaning , as always , to stay so , Clara Dunn\n\nAnna laughed and ran out.\n")
    anna = "Dearest Anna"
    found = letters(story, QuotedText(story), lambda name, at=None: {"Anna": "anna", "Clara Dunn": "clara"}.get(name))
    assert [(story.text[f.start:f.start + len(anna)], f.writer, f.to) for f in found] == [(anna, "clara", "anna")]
    assert "river" in story.text[found[0].start:found[0].end]


def test_a_writer_naming_themself_calls_no_one():
    # "I, Clara Dunn, the keeper of a farm!": the name is the writer's, not the one the "you" after is
    links, _ = _links("The Farm\n\nDearest Anna,\n\nMe -- I, Clara Dunn, the keeper of a farm! Have you ever "
                      "heard the like? I think you would laugh.\n\nYour affectionate Clara Dunn\n\nAnna laughed.\n")
    assert {who for word, who in links if word.lower() == "you"} == {"Anna"}
