"""Who says each line: explicit, anaphoric and implicit speakers, vocatives and addressees."""

import re

import fabula


def _said(text, **settings):
    story = fabula.read(text, **settings)
    names = {c.id: c.name for c in story.characters}
    return [(story.text[q.start:q.end], names.get(q.speaker), q.kind, [names[a] for a in q.addressees])
            for q in story.quotes], story


TWO = ("The Garden\n\nMargaret Hale walked into the garden, where her brother Frederick Hale was reading. "
       "Margaret sat beside him.\n\n")


def test_explicit_cues_in_either_order():
    lines, _ = _said(TWO + '"You are up early," said Margaret.\n\n"I could not sleep," Frederick replied.\n\n'
                     '"Nor could I," answered Mr. Thursby, who had come in unseen.\n')
    assert [(line[1], line[2]) for line in lines] == [
        ("Margaret Hale", "explicit"), ("Frederick Hale", "explicit"), ("Mr. Thursby", "explicit")]


def test_anaphoric_cues_follow_gender_and_recency():
    lines, story = _said(TWO + '"You are up early," she said.\n\n"I could not sleep," he answered.\n')
    assert [(line[1], line[2]) for line in lines] == [("Margaret Hale", "anaphoric"), ("Frederick Hale", "anaphoric")]
    q = story.quotes[0]
    assert story.text[q.cue[0]:q.cue[1]] == "she"


def test_a_talk_opening_with_no_cue_counts_its_turns_back_from_its_first_named_speaker():
    # forward, the first line would go to Clara, named last; the third line names Anna, so the
    # lines before it are Anna's and Tom's in turn
    lines, _ = _said("Title\n\nAnna Price and Tom Baker walked up the lane. Clara Dunn waved to them from her "
                     "gate.\n\nThe rain came down harder on the lane.\n\n\"Is it far?\"\n\n\"Two miles, over the "
                     "hill.\"\n\n\"Then we walk,\" said Anna.\n\n\"We walk,\" said Tom.\n")
    assert [(line[1], line[3]) for line in lines[:3]] == [
        ("Anna Price", ["Tom Baker"]), ("Tom Baker", ["Anna Price"]), ("Anna Price", ["Tom Baker"])]


def test_a_guessed_line_before_a_named_line_of_the_same_speaker_is_the_other_ones():
    # he goes on in a new paragraph, so turn-taking gives "Poor dog." to him too; his named line
    # after it says it was hers
    lines, _ = _said(TWO + '"You are up early," said Margaret.\n\n"I could not sleep."\n\n"The wind was at the '
                     'shutters all night, and the dog would not settle."\n\n"Poor dog."\n\n"He is asleep now," '
                     'said Frederick.\n')
    assert [(line[1], line[3]) for line in lines[3:]] == [
        ("Margaret Hale", ["Frederick Hale"]), ("Frederick Hale", ["Margaret Hale"])]


def test_a_speech_over_two_paragraphs_is_said_by_the_cue_after_its_second():
    # the first paragraph of Margaret's speech has no closing mark and no cue; turn-taking alone
    # would give it to Frederick
    lines, _ = _said(TWO + '"You are up early," said Frederick.\n\n"I could not sleep," said Margaret.\n\n'
                     '"The wind has turned to the north.\n\n"It will snow by morning," said Margaret, and drew '
                     'her shawl closer.\n')
    assert [(line[0], line[1]) for line in lines[2:]] == [
        ("The wind has turned to the north.", "Margaret Hale"), ("It will snow by morning,", "Margaret Hale")]


def test_one_acted_upon_in_the_narration_before_a_line_is_not_its_speaker_for_that():
    # "Tom was handed a cup": a passive subject is no action beat; the one Tom answered asks next
    lines, _ = _said('Title\n\nAnna Price and Tom Baker sat by the fire.\n\n"Where have you been?" said Anna.\n\n'
                     '"In the town," said Tom.\n\nTom was handed a cup of tea by the maid.\n\n"Was it busy?"\n\n'
                     '"Very."\n')
    assert [line[1] for line in lines[2:]] == ["Anna Price", "Tom Baker"]


def test_implicit_turns_between_two_people():
    lines, _ = _said(TWO + '"You are up early," said Margaret.\n\n"I could not sleep," said Frederick.\n\n'
                     '"Why not?"\n\n"Too much to think about."\n\n"Then tell me about it."\n')
    assert [line[1] for line in lines] == ["Margaret Hale", "Frederick Hale", "Margaret Hale", "Frederick Hale",
                                           "Margaret Hale"]
    assert [line[2] for line in lines[2:]] == ["implicit"] * 3


def test_an_action_beat_names_the_speaker():
    lines, _ = _said(TWO + '"You are up early," said Margaret.\n\n"I could not sleep," said Frederick.\n\n'
                     'Frederick closed his book. "Shall we walk?"\n')
    assert lines[-1][1] == "Frederick Hale" and lines[-1][2] == "implicit"


def test_a_name_addressed_is_the_addressee_not_the_speaker():
    lines, _ = _said(TWO + '"Frederick, you are up early," said Margaret.\n\n"Margaret, so are you."\n')
    assert lines[0][1] == "Margaret Hale" and lines[0][3] == ["Frederick Hale"]
    assert lines[1][1] == "Frederick Hale" and lines[1][3] == ["Margaret Hale"]


def test_a_name_shouted_after_you_is_the_addressee():
    lines, _ = _said("The Yard\n\n\"Kit!\"\n\nNo answer.\n\n\"Where can that boy be hiding? You Kit!\"\n\n"
                     "No answer. Kit Drummond was hiding in the loft.\n")
    assert lines[1][1] != "Kit Drummond" and lines[1][3] == ["Kit Drummond"]


def test_a_rank_said_to_someone_calls_the_one_who_holds_it():
    lines, _ = _said('Title\n\nParson Penrose had kept the parish for forty years.\n\nTom Baker was mending the '
                     'churchyard wall when Rufus Hatch came by with his dog.\n\n"The sheep were out again, parson," '
                     'said Tom over his shoulder.\n\n"So I heard," said Rufus.\n\n"Good day, parson."\n\n'
                     '"Good day."\n')
    assert [line[3] for line in lines[::2]] == [["Parson Penrose"], ["Parson Penrose"]]
    assert lines[3][1] == "Parson Penrose"


def test_uncle_said_bare_calls_the_one_the_story_calls_uncle_but_my_dear_aunt_calls_no_one_by_it():
    lines, _ = _said('Title\n\nUncle Calder sat by the fire. Nell Farrow brought him his tea, and Tom Baker '
                     'came in from the yard.\n\n"Uncle, you look tired tonight," said Nell.\n\n'
                     '"I am well enough," said Tom.\n\n"My dear aunt, you should rest," said Nell.\n\n'
                     'Aunt Pruett smiled.\n')
    assert lines[0][3] == ["Uncle Calder"]
    assert "Aunt Pruett" not in lines[2][3]


def test_a_name_alone_answering_a_question_calls_no_one():
    lines, _ = _said("Title\n\nMr. Quarles had taken the Grange at Michaelmas.\n\nMr. Harlow and his wife sat at "
                     "breakfast.\n\n\"The Grange is let,\" said Mrs. Harlow.\n\n\"What is the tenant's name?\"\n\n"
                     "\"Quarles.\"\n\n\"Is he married or single?\"\n\n\"Single, my dear!\"\n")
    assert [(line[1], line[3]) for line in lines[2:4]] == [("Mrs. Harlow", ["Mr. Harlow"]),
                                                           ("Mr. Harlow", ["Mrs. Harlow"])]


def test_his_lady_is_the_wife_of_the_man_her_line_calls():
    # no man in the narration before: "his" is the one the line calls, and "his lady" his wife
    lines, _ = _said('Title\n\nWhen a rich widower takes a house in a village, every mother there has plans for '
                     'him.\n\n"My dear Mr. Harlow," said his lady to him one evening, "do you know that the Mill '
                     'House is taken?"\n\nMr. Harlow said that he did not.\n\n"But it is," returned she. "Mrs. '
                     'Pruett has just told me."\n\n"Oh, do tell me," cried Mrs. Harlow.\n')
    assert [line[1] for line in lines[:3]] == ["Mrs. Harlow"] * 3


def test_miss_and_a_surname_said_to_a_younger_sister_is_her_while_the_eldest_is_away():
    lines, story = _said('Title\n\nClara Harlow was the elder of the two sisters, and Miss Harlow went nowhere '
                         'without her mother.\n\nThe spring was wet that year.\n\nThe roads were deep in mud.\n\n'
                         'The Grange stood on the hill above the village.\n\nOn Tuesday Nell Harlow went up to tea '
                         'at the Grange alone, and Mrs. Pruett met her at the door.\n\n"Do you play and sing, Miss '
                         'Harlow?" asked Mrs. Pruett.\n\n"A little."\n\n"Then you shall play for us after tea."\n')
    assert [(line[1], line[3]) for line in lines] == [
        ("Mrs. Pruett", ["Nell Harlow"]), ("Nell Harlow", ["Mrs. Pruett"]), ("Mrs. Pruett", ["Nell Harlow"])]
    names = {c.id: c.name for c in story.characters}
    called = next(m for m in story.mentions if story.text[m.start:m.end] == "Miss Harlow" and m.start > story.quotes[0].start)
    assert names[called.character] == "Nell Harlow"


def test_mr_and_a_surname_said_to_a_son_is_him_while_his_father_is_away():
    lines, _ = _said('Title\n\nEdwin Harlow kept the mill at Quenby. Mr. Harlow was a stern man, and Mr. Harlow '
                     'had one son, Tom Harlow, who kept the books.\n\nThe spring was wet that year.\n\nThe roads '
                     'were deep in mud.\n\nThe Grange stood on the hill above the village.\n\nOn Tuesday Tom went '
                     'up to the Grange alone, and Mrs. Pruett met him at the door.\n\n"Will you take tea, Mr. '
                     'Harlow?" asked Mrs. Pruett.\n\n"Gladly."\n')
    assert [(line[1], line[3]) for line in lines] == [("Mrs. Pruett", ["Tom Harlow"]), ("Tom Harlow", ["Mrs. Pruett"])]


def test_she_said_after_a_paragraph_whose_last_subject_is_her_voice_is_hers():
    lines, _ = _said('Title\n\nNell Farrow and Clara Dunn sat in the window of the parlour.\n\n"The rain has '
                     'stopped," said Clara.\n\nClara had been reading aloud all the afternoon. Now Nell\'s voice '
                     'broke the silence.\n\n"Shall we walk to the mill?" she asked.\n')
    assert [line[1] for line in lines] == ["Clara Dunn", "Nell Farrow"]


def test_said_to_names_the_addressee():
    lines, _ = _said(TWO + 'Mr. Thursby came in.\n\n"Good morning," said Margaret to Mr. Thursby.\n')
    assert lines[0][1] == "Margaret Hale" and lines[0][3] == ["Mr. Thursby"]


def test_a_cue_ending_the_paragraph_before():
    lines, _ = _said(TWO + "Frederick looked up from his book and, after a long silence, said:\n\n"
                     '"I have decided to go to sea."\n')
    assert lines[0][1] == "Frederick Hale" and lines[0][2] == "explicit"


def test_reported_speech_is_no_cue():
    lines, _ = _said(TWO + '"Shall we walk?" asked Margaret.\n\nFrederick replied that he would rather not. '
                     '"It looks like rain."\n')
    assert lines[1][1] == "Frederick Hale"  # the action beat, not "replied" for a new line


def test_first_person_narrator_speaks_with_i_said():
    lines, _ = _said("The Visit\n\nMy name is Ellen Marsh. I keep the light on Gull Rock, and I have done so for "
                     "years. I live alone and I like it.\n\nAbel Crook came up the ladder at noon.\n\n"
                     '"You are thinner," he said.\n\n"I am the same as ever," I said.\n')
    assert [line[1] for line in lines] == ["Abel Crook", "Ellen Marsh"]


def test_every_speaker_is_a_known_character_or_none():
    _, story = _said(TWO + '"Hello," said somebody.\n\n"Who is there?" asked Margaret.\n')
    ids = {c.id for c in story.characters}
    assert all(q.speaker is None or q.speaker in ids for q in story.quotes)
    assert all(set(q.addressees) <= ids for q in story.quotes)


def test_an_unnamed_narrator_is_named_by_how_others_address_them():
    text = ("The Case\n\nI had not seen my friend for a month when I climbed the stairs to his rooms. "
            "I found him by the fire, as I had left him, and I sat down opposite.\n\n"
            "Inspector Hale looked up from his papers. \"You look tired, Barnaby,\" he said.\n\n"
            "\"I have not slept,\" I answered.\n\n"
            "He frowned and filled his pipe. I waited while he lit it.\n\n"
            "\"Then listen to this, Barnaby,\" said Hale.\n\n"
            "\"I am listening,\" I said.\n\n"
            "I took out my notebook and my pencil, and I wrote down everything he told me.\n")
    lines, story = _said(text)
    narrator = [c for c in story.characters if c.is_narrator]
    assert [c.name for c in narrator] == ["Barnaby"]
    assert [line[1] for line in lines] == ["Inspector Hale", "Barnaby", "Inspector Hale", "Barnaby"]


def test_a_narrator_called_by_a_name_the_narration_gives_another_is_a_namesake():
    text = ("The Name\n\nI had heard of old Barnaby Hale since I could walk. Barnaby Hale built the mill, "
            "and Barnaby Hale drowned in its race. My father named me for him.\n\n"
            "Inspector Crane looked up from his papers. \"You look tired, Barnaby,\" he said.\n\n"
            "\"I have not slept,\" I answered.\n\n"
            "\"Then listen to this, Barnaby,\" said Crane.\n\n"
            "\"I am listening,\" I said.\n\n"
            "I took out my notebook, and I wrote down everything he told me.\n")
    lines, story = _said(text)
    narrator = [c for c in story.characters if c.is_narrator]
    assert [c.name for c in narrator] == ["Barnaby"]
    assert "Barnaby Hale" in [c.name for c in story.characters if not c.is_narrator]
    assert [line[1] for line in lines] == ["Inspector Crane", "Barnaby", "Inspector Crane", "Barnaby"]


def test_a_cue_on_the_line_after_a_line_of_its_own_names_its_speaker():
    # one tokenised sentence per line (LitBank's layout): the cue of '" What were you doing
    # there ? " he asked .' is cut off onto the next line, after the closing mark
    lines, _ = _said("The Curtain\nTom Baker stood by the door of the kitchen for a long while , looking at "
                     "the rain that fell on the yard outside .\nNell Farrow came out from behind the green curtain of "
                     "the alcove , where she had been sitting with her sewing on her knees .\n"
                     '" What were you doing there ? "\nhe asked .\nShe did not answer him , and she looked down '
                     "at the floor of the kitchen for a long time without a word .\n")
    assert lines[0][1:3] == ("Tom Baker", "anaphoric")


def test_mentions_are_unique_and_in_order():
    _, story = _said(TWO + '"Who is there?" asked the porter.\n\n"Only me," said Margaret.\n\n'
                     '"Then come in," said the porter.\n')
    spans = [(m.start, m.end, m.kind) for m in story.mentions]
    assert len({(s, e) for s, e, _ in spans}) == len(spans) and spans == sorted(spans)
    porter = [c for c in story.characters if c.name == "the porter"]
    assert len(porter) == 1 and porter[0].mentions == 2


def test_one_cue_between_two_parts_gives_both_one_speaker():
    # the first part names the man addressed, so he cannot be its speaker; the second part
    # shares the cue and its speaker, though it names no one
    lines, _ = _said("The Studio\n\nEdwin Warde stood by the easel while Owen Lark watched him.\n\n"
                     '"Owen," said Edwin.\n\n"What is it?"\n\n'
                     'Edwin put down his brush and turned away from the canvas. The light was going.\n\n'
                     '"Well, Owen," he said at length, "I will not speak of it again."\n')
    assert [line[1] for line in lines[-2:]] == ["Edwin Warde", "Edwin Warde"]


def test_a_reply_in_the_next_paragraph_comes_from_whoever_was_addressed():
    lines, _ = _said("The Club\n\nOwen Lark and Henry Vance sat by the fire. Edwin Warde came in and joined them.\n\n"
                     '"You are late," said Edwin.\n\n"Henry, you are dreadful tonight!" cried Owen.\n\n'
                     '"You will always forgive me," he replied.\n')
    assert lines[-1][1] == "Henry Vance" and lines[-1][2] == "anaphoric"


def test_a_reply_comes_from_whoever_was_addressed_though_the_narration_was_about_another():
    # the narration's "he" is Tom, but a line that calls Mr. Tolley is answered by him
    lines, _ = _said("The Parlour\n\nEdwin Tolley sat by the fire. Tom Baker came in. Tom Baker poured the tea. "
                     "He looked at the clock.\n\n"
                     '"What a fine old house you have, Mr. Tolley!" said Anna Price.\n\n'
                     '"It was my father\'s," he replied.\n')
    assert lines[-1][1] == "Edwin Tolley"


def test_a_description_in_a_cue_is_not_the_name_just_before_it():
    # a narrator who has just named Tom would say "he said" for him; "the old gentleman" is the other man
    lines, _ = _said("The Study\n\nMr. Harlow sat reading in his study when Tom Baker came in.\n\n"
                     '"Good morning, sir," said Tom.\n\n'
                     'Tom Baker looked up at the shelves. "Do you like books?" said the old gentleman.\n')
    assert lines[-1][1] == "Mr. Harlow"


def test_a_dash_glued_to_the_cue_hides_no_pronoun():
    # old printing: 'said she;--"and' is one word to a news-trained tokenizer
    lines, story = _said(TWO + '"You are up early," said she;--"and so am I." Frederick smiled.\n\n'
                         '"Hurrah, a fine morning!" cried Frederick.\n')
    assert lines[0][1] == "Margaret Hale" and lines[0][2] == "anaphoric"
    assert not any(c.name == "Hurrah" for c in story.characters)


def test_a_speech_split_by_its_cue_keeps_its_addressee():
    lines, _ = _said('The Hall\n\nAnna Price met Tom Baker and Clara Dunn in the hall.\n\n'
                     '"Tom," said Anna, "you are late." She frowned. "And you never write."\n')
    assert [addressed for *_, addressed in lines] == [["Tom Baker"]] * 3


def test_the_same_speaker_going_on_in_a_new_paragraph_talks_to_the_same_people():
    lines, _ = _said('The Hall\n\nAnna Price met Tom Baker and Clara Dunn in the hall.\n\n'
                     '"Tom," said Anna, "you are late."\n\nShe took off her gloves and laid them on the table.\n\n'
                     '"And you never write," said Anna.\n')
    assert [addressed for *_, addressed in lines] == [["Tom Baker"]] * 3


def test_the_first_line_of_a_talk_goes_to_the_narrator_who_was_there():
    lines, story = _said("The Attic\n\nI was reading in the attic, and I had pulled the door to. I did not hear "
                         "the stairs, and I did not look up until the door moved.\n\n"
                         "Tom Baker came round the door and stared at me.\n\n"
                         '"What are you doing up here?" said Tom.\n')
    narrator = next(c.name for c in story.characters if c.is_narrator)
    assert lines[0][1] == "Tom Baker" and lines[0][3] == [narrator]


def test_a_pronoun_cue_with_no_one_of_its_gender_near_is_the_latest_of_it_further_back():
    filler = "".join(f"The clock struck {n}. Eleanor Marchbank waited by the fire.\n\n" for n in range(1, 9))
    lines, _ = _said("The Visit\n\nJohn Wetherell rode up to the house and came in.\n\n" + filler +
                     '"Stay," said Eleanor.\n\n"Had they told me," he cried, "I would have come."\n')
    assert lines[-1][1] == "John Wetherell"


def test_the_latter_is_the_one_named_last_and_never_a_character_of_its_own():
    lines, story = _said("The Hall\n\nAnna Price sat by the fire. Tom Baker came in and stood by Anna. "
                         "Anna looked up at Tom Baker.\n\n"
                         '"Well?" said the latter.\n\n"Well," said the former.\n')
    assert [who for _, who, *_ in lines] == ["Tom Baker", "Anna Price"]
    assert all(c.name not in ("the latter", "the former") for c in story.characters)


def test_a_kin_description_in_a_cue_is_the_relative_by_surname():
    lines, _ = _said("The Library\n\nMr. Ferrier sat reading when Mrs. Ferrier, Jane Ferrier and Elizabeth Ferrier "
                     "came in.\n\n"
                     '"We have a letter," said Elizabeth.\n\n"From whom?" cried her mother.\n')
    assert lines[-1][1] == "Mrs. Ferrier" and lines[-1][2] == "anaphoric"


def test_an_aside_after_the_cue_is_no_report_of_what_was_said():
    # the parser hangs "his face white" on "whispered" as if it were what he whispered
    lines, _ = _said("The Quay\n\nMary Pryor and Tom Baker stood on the quay in the rain.\n\n"
                     '"Where is the boat?" asked Mary Pryor.\n\n"Gone!" he whispered, his face white.\n')
    assert lines[-1][1:3] == ("Tom Baker", "anaphoric")


# a sentence a line, as in LitBank's tokenised texts: a paragraph's "…," he said. "…" is split over two lines
WORKSHOP = [
    "The Workshop",
    "Anna Price came into the workshop early that morning , long before the carts began to rattle down the lane from the quarry .",
    "Tom Baker was already at the bench with his sleeves rolled up , and he did not look up when the door banged shut behind her .",
    "The clock on the wall said seven , and the stove in the corner had only just begun to take the chill off the long room .",
    "Anna hung her wet coat on the nail by the door and crossed to the window , where the glass was grey with the breath of the yard .",
    "The yard outside was wet from the night 's rain , and a cart without a horse stood by the gate with its shafts resting in a puddle .",
    "“ You are late again this morning , and the varnish will not wait for anybody , not even for you , ” said Tom .",
    "“ The road by the common was flooded from one hedge to the other , so I came the long way round by the old mill , ” said Anna .",
    "“ Just so , ” he answered , turning the great wheel of the lathe with his foot and blowing the shavings from the wood .",
    "“ The mill road is always dry in March , and nobody in the village has ever known it to flood except the miller himself . ”",
    "Anna laughed at that and took down her apron from the peg , because there was no arguing with him before the stove was hot .",
    "“ Did you finish the chair for the rector 's wife , or is it still standing in pieces in the back room ? ” asked Tom .",
    "“ Every leg and rail of it , and it sits as straight as a pew in the church , though the back gave me trouble . ”",
    "“ Good , ” he said , wiping his hands on a rag and looking round the bench for the pot of glue he had left there .",
    "“ Then we can start on the cabinet for the inn tomorrow , if the oak from the sawmill comes before the rain . ”",
    "Tom nodded slowly and set down the chisel he had been holding , and for a while neither of them said anything at all .",
    "The light grew stronger over the roofs of the village , and somewhere in the lane a dog barked at the first cart of the day .",
    "Anna opened the long drawer under the bench and took out the plane her father had left her , wrapped in its oiled cloth .",
    "The morning went quickly after that , as mornings do in a workshop when the wood is good and the tools are sharp .",
    "By noon the varnish on the cabinet was dry enough to touch , and Tom carried it out into the yard to stand in the thin sun .",
    "Anna swept the shavings into a heap by the stove and fed them to the fire a handful at a time while the kettle came to the boil .",
    "They ate their bread and cheese on the bench outside the door , watching the clouds come in again over the hill behind the church .",
    "In the afternoon the rector 's wife came for her chair , and she paid for it in silver and carried it away on her own shoulders .",
    "When she had gone Tom laughed for the first time that day , and Anna laughed with him , though neither of them could have said why .",
    "The rain began again at four , softly at first and then harder , drumming on the tin roof of the shed where the timber was kept .",
    "They lit the lamp early and worked on by its light until the clock said six and the stove had burned down to a red glow .",
]


def test_a_speech_going_on_after_its_cue_on_the_next_line_is_the_same_speakers_unless_it_answers():
    lines, _ = _said("\n".join(WORKSHOP) + "\n")
    said = {line[0].split(" ,")[0]: line[1] for line in lines}
    assert said["The mill road is always dry in March"] == "Tom Baker"  # after "he answered, turning the wheel"
    assert said["Then we can start on the cabinet for the inn tomorrow"] == "Tom Baker"
    assert said["Every leg and rail of it"] == "Anna Price"  # the answer to a question asked before the cue


LIGHTHOUSE = [
    "The Lighthouse",
    "I came to the lighthouse in the autumn of that year , when the gales had already begun to strip the last leaves from the hedges .",
    "Edwin Tolley kept the light then , and he had kept it for twenty years without a single night 's failure , or so he told me .",
    "He met me at the foot of the stairs with a lantern in his hand and looked me up and down as if I were a crate of lamp oil .",
    "“ Who sent you up here at this hour ? ”",
    "I asked , with more sharpness than I meant , because his stare had made me feel like a thief .",
    "“ Nothing at all from you , young man , for it is you who have come knocking at my door at an hour when honest men sleep . ”",
    "I laughed at that , and he frowned at me as if I had insulted the whole service of lighthouses from here to the Hebrides .",
    "I explained that the Board had sent me to learn the keeping of the light , and that my letter should have reached him a week before .",
    "He took the letter from my hand and read it slowly by the lantern , moving his lips over the longer words as he went .",
    "Then he folded it into four and put it in the pocket of his coat , and turned without a word to climb the stairs .",
    "I followed him up the long spiral , counting the steps until I lost count somewhere past two hundred in the dark .",
    "At the top the great lamp stood in its cage of brass and glass , and the whole room smelled of paraffin and hot metal .",
    "He showed me the wicks , the trimming scissors , the log in which every hour of every night was written down in his square hand .",
    "The wind rose while we worked , and by midnight it was shaking the gallery rail so hard that I could hear it above the burner .",
    "He did not seem to notice it at all , and I began to think that nothing in the world would ever surprise Edwin Tolley again .",
    "At two in the morning he sent me down to sleep in the little room off the stair , where a cot and a blanket had been laid out .",
    "I lay awake a long time listening to the sea , which sounded closer than it had any right to be so high above the water .",
    "In the morning the storm had blown itself out , and the keeper was sitting on the step outside with a mug of tea in his hands .",
    "He handed me a second mug without a word , and we sat together and watched the gulls come back to the rocks below us .",
    "It was the first of many such mornings , and in time I came to like them better than any hour of the day or the night .",
    "By the spring I could trim the wicks as well as he could , though he never once told me so in all the years that followed .",
]


def test_i_asked_on_the_line_after_is_that_lines_cue_but_i_laughed_as_is_narration():
    lines, story = _said("\n".join(LIGHTHOUSE) + "\n")
    narrator = next(c.name for c in story.characters if c.is_narrator)
    assert lines[0][1:3] == (narrator, "anaphoric")  # "Who sent you up here …?" / I asked, with more sharpness …
    assert lines[1][1:3] == ("Edwin Tolley", "implicit")  # his answer; "I laughed at that" is no cue of it


def test_a_cue_after_an_exclamation_the_parser_split_off_is_still_the_lines_cue():
    # tokenised text: the parser ends the sentence at "! ”", and "she cried ." begins in lower case
    lines, _ = _said("The Garden\n\nRosalind Pryor and her brother Owen Pryor sat in the garden after dinner , and "
                     "Owen talked of the horses .\n\n“ Good horses are generally worse than any others , ” he said ."
                     "\n\nRosalind said nothing for a while .\n\n“ What a lovely colour the bay is ! ” she cried .\n")
    assert lines[-1][1:3] == ("Rosalind Pryor", "anaphoric")


def test_one_sentence_paragraphs_are_paragraphs_unless_the_text_is_tokenised():
    from fabula.lines import split_into_sentences
    assert split_into_sentences(fabula.read("\n".join(WORKSHOP) + "\n"))
    untokenised = [re.sub(r" ([,.?!;:”’])", r"\1", re.sub(r"([“‘]) ", r"\1", line)).replace(" 's", "'s")
                   for line in WORKSHOP]
    assert not split_into_sentences(fabula.read("\n".join(untokenised) + "\n"))


def test_a_talk_goes_on_over_a_paragraphs_worth_of_narration_sentences():
    # five lines of narration are five sentences here, one paragraph's worth: Anna still answers Tom
    # (the last of them says no one acting, so the turn-taking decides)
    story = WORKSHOP[:16] + [
        "Tom said nothing to that , but went on planing the long board until the shavings lay curled around his boots like a fleece .",
        "Tom set down the plane at last and ran his thumb along the edge of the board to feel for any ridge he had left .",
        "Outside the rain had stopped , and a thin light came through the window and lay across the bench between them .",
        "The cart by the gate had gone , and in its place a boy was leaning on the post and whistling at nothing in particular .",
        "Somewhere in the village a bell rang for the end of the early service , slowly , as if the ringer were tired of it .",
        "“ The oak came yesterday while you were at the market , and it is stacked in the shed behind the timber . ”",
    ]
    lines, _ = _said("\n".join(story) + "\n")
    assert lines[-1][0].startswith("The oak came yesterday") and lines[-1][1] == "Anna Price"


def test_a_described_speaker_called_sir_is_a_man():
    lines, story = _said("The Shop\n\nAnna Price went into the shop.\n\n"
                         '"Good day," said the shopkeeper.\n\n"Good day to you, sir," said Anna.\n')
    keeper = next(c for c in story.characters if c.name == "the shopkeeper")
    assert lines[-1][3] == ["the shopkeeper"] and keeper.gender == "he/him"


def test_the_other_and_his_companion_are_the_other_one_talking():
    lines, _ = _said("The Quay\n\nGabriel Strood walked beside Tom Baker along the quay.\n\n"
                     '"It is cold," said Strood.\n\n"It is always cold here," said the other.\n\n'
                     '"Then let us go in," rejoined his companion.\n')
    assert [(who, kind) for _, who, kind, _ in lines] == [
        ("Gabriel Strood", "explicit"), ("Tom Baker", "anaphoric"), ("Gabriel Strood", "anaphoric")]


def test_a_cue_through_who_or_a_participle_is_its_antecedent():
    lines, _ = _said("The Hall\n\nTom Baker came into the hall.\n\nAnna Price looked at Tom Baker, who turned to her "
                     'and remarked:\n\n"You are late."\n\nAnna sat down. Tom put the letter on the table, '
                     'saying "It came today."\n')
    assert [(who, kind) for _, who, kind, _ in lines] == [("Tom Baker", "explicit"), ("Tom Baker", "explicit")]


def test_less_common_speech_verbs_are_cues():
    lines, _ = _said(TWO + '"It is decent of him," chattered Frederick.\n\n"Perhaps," faltered Margaret.\n')
    assert [(who, kind) for _, who, kind, _ in lines] == [("Frederick Hale", "explicit"), ("Margaret Hale", "explicit")]


def test_in_the_narration_before_a_line_the_speech_verb_nearest_it_is_the_cue():
    lines, _ = _said("The Hall\n\nTom Baker and Anna Price sat in the hall.\n\n"
                     "Tom had been urging his plan all evening, and Anna Price at last said to him, "
                     '"No more plans tonight!"\n')
    assert lines[-1][1] == "Anna Price" and lines[-1][2] == "explicit"


def test_the_action_beat_nearest_a_line_names_its_speaker():
    lines, _ = _said("The Hall\n\nTom Baker and Anna Price sat in the hall.\n\n"
                     'Tom Baker folded the letter, and Anna Price looked up. "Who sent it?"\n')
    assert lines[-1][1] == "Anna Price" and lines[-1][2] == "implicit"


def test_a_long_stretch_of_narration_ends_a_conversation():
    weather = ("The wind rose over the moor and the snow came down thicker than it had for many years. " * 10)
    lines, _ = _said("The Fire\n\nAnna Price and Tom Baker sat by the fire.\n\n"
                     '"It is cold," said Anna.\n\n"It is winter," said Tom.\n\n'
                     + weather + "Clara Dunn had walked home across the fields. The door opened, and snow blew in."
                     '\n\n"Good evening."\n')
    assert lines[-1][1] == "Clara Dunn"  # not Anna's turn: the talk by the fire ended long ago


def test_a_pronoun_cue_with_no_one_of_its_gender_for_long_is_the_storys_main_one_of_it():
    walk = "".join(f"Tom Baker walked on past the {n}th milestone.\n\n" for n in range(45))
    lines, _ = _said("The Road\n\nAnna Price waved from the gate. Anna Price went in.\n\n" + walk
                     + '"At last," she said.\n')
    assert lines[-1][1] == "Anna Price" and lines[-1][2] == "anaphoric"


def test_after_a_long_aside_a_line_is_still_said_to_the_last_speaker():
    weather = ("The wind rose over the moor and the snow came down thicker than it had for many years. " * 10)
    lines, _ = _said("The Fire\n\nAnna Price and Tom Baker sat by the fire.\n\n"
                     '"It is cold," said Anna.\n\n"It is winter," said Tom.\n\n' + weather + "\n\n"
                     '"Then let us go to bed," said Anna.\n')
    assert lines[-1][1] == "Anna Price" and lines[-1][3] == ["Tom Baker"]


def test_a_sentence_leading_into_the_next_paragraphs_line_is_not_this_lines_cue():
    lines, _ = _said("The Hall\n\nTom Baker and Anna Price sat in the hall.\n\n"
                     '"Shall we go?" asked Tom.\n\n"Yes, at once." And gathering her gloves, Anna rose, when '
                     "Tom called out,\n\n\"Wait for me!\"\n")
    assert [who for _, who, _, _ in lines] == ["Tom Baker", "Anna Price", "Tom Baker"]


def test_the_agent_of_a_passive_speech_verb_is_the_speaker():
    lines, _ = _said("The Hall\n\nTom Baker and Anna Price sat in the hall. Tom was reading, "
                     "when he was thus accosted by Anna Price,\n\n\"Put down that book.\"\n")
    assert lines[-1][1] == "Anna Price" and lines[-1][2] == "explicit"


def test_a_later_part_of_a_paragraph_shares_the_cue_of_the_part_before():
    lines, _ = _said("The Pool\n\nTom Baker and Anna Price sat by the pool.\n\n"
                     '"Look at me," cried Tom, while Anna scolded him and dried him off. "Did you see me?"\n')
    assert [who for _, who, _, _ in lines] == ["Tom Baker", "Tom Baker"]


def test_a_role_the_parser_takes_for_a_name_is_a_described_speaker_and_one_character():
    lines, story = _said("The Bar\n\nTom Baker came into the bar.\n\n"
                         '"Good Lord!" said the burly barman.\n\n"What is it?" asked Tom.\n\n'
                         '"Nothing," said the barman.\n')
    barmen = [c for c in story.characters if "barman" in c.name]
    assert len(barmen) == 1 and lines[-1][1] == barmen[0].name and lines[-1][2] == "anaphoric"
    assert set(barmen[0].aliases) == {"the barman"}


def test_a_cue_ending_the_narration_right_before_a_line_comes_before_one_after_it():
    lines, _ = _said("The Party\n\nTom Baker and Anna Price sat with the birds.\n\n"
                     'Tom Baker began wrapping himself up very carefully, remarking, "I must be getting home." '
                     'And Anna Price called out in a trembling voice, "Come away, my dears!"\n')
    assert [who for _, who, _, _ in lines] == ["Tom Baker", "Anna Price"]


def test_a_speech_verb_continuing_a_verb_the_parser_left_without_subject_is_the_fronted_names():
    # the parser reads "Nora" here as a preposition's and "said" as continuing a subjectless "returned"
    lines, _ = _said("The Hall\n\nNora Gale and Jasper Ancell sat in the hall.\n\n"
                     "He had supped at the Rectory only the night before.\n\n"
                     "After leaving him to his brighter hopes for a few minutes, Nora, feeling it due to her pride, "
                     'returned to Mr. Ancell, and said, "It is not his temper alone that makes him '
                     'wrong for me."\n')
    assert lines[-1][1] == "Nora Gale"


def test_her_ladyship_in_a_cue_is_the_lady_of_the_scene():
    lines, _ = _said("The Hall\n\nLady Cecily de Lisle sat in the hall with Elizabeth Ferrier.\n\n"
                     '"You are very young," said her ladyship.\n')
    assert lines[-1][1] == "Lady Cecily de Lisle" and lines[-1][2] == "anaphoric"


def test_she_said_before_any_woman_is_named_is_the_first_woman_named_after():
    lines, _ = _said("The Garden\n\nJasper Walker sat in the garden. A young lady came down the path.\n\n"
                     '"Are you going to the fair?" asked Jasper.\n\n"Yes, sir," she replied.\n\n'
                     '"My name is Jasper Walker."\n\nThe young lady was Rosa Fenner, of Quenby. '
                     "Rosa Fenner smiled.\n")
    assert lines[1][1] == "Rosa Fenner"


def test_whose_voice_speaks_is_who_speaks():
    lines, _ = _said("The Garden\n\nRufus Smith and Anna Price sat in the old garden.\n\n"
                     '"I should like to know," said Rufus Smith.\n\nThen Anna Price\'s low voice said, '
                     '"It seems so silly."\n')
    assert lines[-1][1] == "Anna Price" and lines[-1][2] == "explicit"


def test_words_that_burst_from_someone_are_theirs():
    lines, _ = _said("The Quay\n\nWalter Aldous and Nora Cotterell stood on the quay. Hetty Pinch fell.\n\n"
                     '"Will nobody come?" were the words which broke from Walter Aldous, '
                     "in a tone of despair.\n")
    assert lines[-1][1] == "Walter Aldous" and lines[-1][2] == "explicit"


def test_a_manner_word_the_parser_takes_for_the_subject_leaves_the_name_before_it_the_speaker():
    lines, _ = _said("The Tea\n\nNell Farrow sat with the Tawny Hare and the Tinker.\n\n"
                     '"Two days wrong!" sighed the Tinker.\n\n"It was the best butter," the Tawny Hare meekly replied.\n'
                     '\n"That\'s the reason!" pouted Nell.\n')
    (_, hare, kind, _), (_, nell, kind2, _) = lines[1:]
    assert hare.endswith("Hare") and (nell, kind, kind2) == ("Nell Farrow", "explicit", "explicit")


def test_a_speech_over_paragraphs_each_opening_with_a_mark_is_one_speakers():
    lines, story = _said("The Hall\n\nTom Baker and Anna Price sat in the hall.\n\n"
                         '"Where were you?" asked Anna.\n\n'
                         '"I sat in the back room for an hour, and at last he came down.\n\n'
                         '"On the landing he turned round, so that I nearly walked into him," '
                         "said Tom.\n\n"
                         '"And then?"\n\n"Then he went on up again."\n')
    assert [who for _, who, _, _ in lines] == ["Anna Price", "Tom Baker", "Tom Baker", "Anna Price", "Tom Baker"]
    assert story.quotes[2].start in story.notes["continued_quotes"]


def test_a_time_clause_after_a_cue_is_no_reported_speech():
    # "Georgia", a place to the news-trained tagger, leaves the cue to the "he" of the time clause after it
    lines, _ = _said("The Parlour\n\nGeorgia Tibbs and Nora Ferrier sat in the parlour. Mr. Pryor went away.\n\n"
                     '"What does it all mean!" said Georgia, as soon as he was gone. '
                     '"Nora, dear, I do believe he admires you."\n')
    assert [who for _, who, _, _ in lines] == ["Georgia Tibbs", "Georgia Tibbs"]


def test_a_speech_noun_leading_into_a_line_names_its_speaker():
    lines, _ = _said("The Cottage\n\nClara Pinch and Nell Cotterell sat in the cottage.\n\n"
                     'Nell Cotterell looked at her sister, and Clara\'s declaration was, '
                     '"I will not send the boys to the Hall."\n')
    assert lines[-1][1] == "Clara Pinch"


def test_a_gerund_of_saying_is_its_possessors_or_the_verb_it_hangs_on():
    lines, _ = _said("The Hall\n\nNell Cotterell and Martha Vyse sat in the hall.\n\n"
                     "The talk opened with Mrs. Vyse's saying, in a tone of triumph,\n\n"
                     '"So it was you, not your cousin, whom my son met."\n\n'
                     "Thomas Pellow came in. Thomas Pellow took an early chance of saying to her, "
                     '"Well, Nell, I have seen Mr. Aldous again."\n')
    assert [(who, kind) for _, who, kind, _ in lines] == [("Martha Vyse", "explicit"), ("Thomas Pellow", "explicit")]


def test_began_doing_something_is_no_speech_cue_and_a_speech_noun_after_a_line_comes_first():
    lines, _ = _said("The Study\n\nTom Baker and Anna Price sat in the study.\n\n"
                     '"Yes?" said Anna.\n\nTom Baker got up and began walking about the room. "You may well ask."\n\n'
                     "She could now hear his voice and even answer him.\n\n"
                     '"We miss the young men," was Tom\'s observation after dinner.\n')
    assert [(who, kind) for _, who, kind, _ in lines[1:]] == [("Tom Baker", "implicit"), ("Tom Baker", "explicit")]


def test_where_turn_taking_would_pass_over_the_subject_just_before_the_coreference_rankers_pick_decides():
    from fabula.settings import Settings
    from fabula.stages.speakers import Attributor
    story = fabula.read("The Fire\n\nTom Baker and Jack Hale sat by the fire.\n\n"
                        'Jack Hale looked at the fire. "It is late," said Jack.\n\n"I shall go to bed," he added.\n')
    ids = {c.name: c.id for c in story.characters}
    tom, jack = ids["Tom Baker"], ids["Jack Hale"]
    attributor = Attributor(story, Settings())
    conv = attributor.conversation
    conv.said(tom, [jack], 2)
    conv.said(jack, [], 3)  # said to no one in particular
    attributor.replying = True
    offset = story.text.index("he added")
    assert attributor.resolve("he", offset, set()) == tom  # the other one's turn
    assert attributor.resolve("he", offset, set(), ranked=jack) == jack  # the ranker saw him go on


def test_the_first_line_of_a_talk_is_said_to_whoever_the_narration_has_just_brought_in():
    lines, _ = _said("The Hall\n\nMrs. Pruett sat by the fire, thinking of the secret, and she turned to it "
                     'again as soon as Clara Dunn appeared.\n\n"Well, my dear," cried Mrs. Pruett, '
                     '"was I not right?"\n\n"No, ma\'am; I hardly think so."\n')
    assert lines[0][3] == ["Clara Dunn"] and lines[-1][1] == "Clara Dunn"


def test_the_old_lady_in_a_cue_is_no_title_for_the_one_lady_of_the_story():
    lines, _ = _said("The Club\n\nLady Quenby was far away in Lisbon. Mrs. Fenwick and Edgar Bream sat at the club.\n\n"
                     '"She was in no haste when I saw her," said Bream.\n\n'
                     '"Clara? She has never been quick in her life," said the old lady.\n')
    assert lines[-1][1] == "Mrs. Fenwick"


def test_going_somewhere_is_no_speech_cue_but_going_on_is():
    from fabula.settings import Settings
    from fabula.stages.speakers import Attributor
    story = fabula.read("The Hall\n\nAnna Price went to the door. Tom Baker went on, and Anna began to walk.\n")
    cues = Attributor(story, Settings()).cues
    first, second = story.text.index("Anna Price"), story.text.index("Tom Baker")
    assert cues.cue((first, second)) is None
    subject, verb = cues.cue((second, len(story.text)))
    assert story.text[story.tokens.start[subject]:story.tokens.end[subject]] == "Baker"


def test_an_epithet_the_story_keeps_using_is_a_character_of_its_own():
    lines, story = _said(
        "The Committee\n\nMr. Grubb led Tommy into the room, where six gentlemen sat by the window. "
        "A gentleman in yellow gloves looked at the boy.\n\n"
        '"Bow to the committee," said Mr. Grubb.\n\n'
        '"That boy will come to a bad end," said the gentleman in the yellow gloves.\n\n'
        '"Nonsense," said the gentleman with the yellow gloves, and laughed at Mr. Grubb.\n\n'
        "Mr. Grubb bowed to the gentleman in the yellow gloves, and the gentleman in the yellow "
        "gloves bowed back.\n\n"
        '"Never mind," said the old gentleman, and Mr. Grubb went out.\n')
    gloved = [c for c in story.characters if "gloves" in c.name]
    assert len(gloved) == 1 and gloved[0].name == "the gentleman in the yellow gloves"
    assert [who for _, who, _, _ in lines[1:3]] == [gloved[0].name] * 2
    assert gloved[0].gender == "he/him"  # from "gentleman", not from the gloves


def test_a_description_used_once_with_a_thing_is_no_epithet():
    lines, story = _said("The Road\n\nTom Baker stood at the door.\n\n"
                         '"Come in," said the man with the lantern.\n')
    assert not [c for c in story.characters if "lantern" in c.name]


def test_a_described_speaker_called_by_one_name_again_and_again_is_that_character():
    lines, story = _said(
        "The Studio\n\nEdwin Tremayne stood by his easel. Harry Colville lay on the divan.\n\n"
        '"It is my best work," said the painter.\n\n"Then send it to the Academy, Edwin," said Harry.\n\n'
        '"I will not send it anywhere," answered the painter.\n\n"You are absurd, Edwin," said Harry.\n\n'
        '"Perhaps I am," said the painter.\n\n"Edwin, you are a fool," said Harry.\n\n'
        '"Good-bye," said the painter.\n')
    assert {who for _, who, _, _ in lines[::2]} == {"Edwin Tremayne"}
    assert not [c for c in story.characters if c.name == "the painter"]
    assert "the painter" in next(c for c in story.characters if c.name == "Edwin Tremayne").aliases


def test_a_character_known_by_an_epithet_and_called_by_one_name_is_that_character():
    lines, story = _said(
        "The Den\n\nThe Pedlar was stirring a pan over the fire. The Pedlar turned round and grinned at the boys. "
        "Will Sowerby came in with Tom Baker.\n\n"
        '"Mullins, this is him," said Will Sowerby.\n\n"Glad to see you," said the Pedlar.\n\n'
        '"Mullins, he is hungry," said Will Sowerby.\n\n"Then he shall eat," said the Pedlar.\n\n'
        '"Mullins, where is the bread?" asked Will Sowerby.\n\n'
        '"Here," said the Pedlar, and the Pedlar gave it to Tom Baker.\n')
    assert {who for _, who, _, _ in lines[1::2]} == {"Mullins"}
    assert "the Pedlar" in next(c for c in story.characters if c.name == "Mullins").aliases


def test_a_described_speaker_called_by_a_name_only_twice_stays_apart():
    lines, story = _said(
        "The Street\n\nDr. Tolley stood at the gate.\n\n"
        '"Stand back!" said the porter.\n\n"Tolley, help me," said Pryor.\n\n'
        '"Back, I say!" said the porter.\n\n"Tolley, quick!" said Pryor.\n\n'
        '"There he goes!" said the porter.\n')
    assert lines[0][1] == "the porter" and lines[-1][1] == "the porter"


def test_said_the_old_lady_is_the_woman_just_called_by_name_not_one_named_long_before():
    lines, _ = _said(
        "The Study\n\nMrs. Hollis had left the house an hour before.\n\n"
        "Mr. Cardew sat in his study with Tom Baker.\n\nMr. Cardew read his letters.\n\n"
        "Tom Baker looked at the books.\n\nMr. Cardew frowned, and rang the bell violently.\n\n"
        '"Mrs. Pruett," said Mr. Cardew, when the housekeeper appeared; "that boy, Tom, is a liar."\n\n'
        '"Oh, surely not, sir. Surely not," said the old lady.\n\n"I tell you he is," retorted Mr. Cardew.\n')
    assert lines[2][1] == "Mrs. Pruett"


def test_in_text_a_sentence_a_line_the_narration_line_before_a_line_says_who_acts():
    # tokenised, a sentence a line: the opening mark stands apart from the words ('“ Out , …')
    lines, _ = _said('Title\nAnna Price sat by the window of the little parlour , and Tom Baker sat by the fire with his boots on the fender and his pipe .\n“ Where is the cat ? ”\nasked Anna .\n“ I do not know , ” said Tom , and he turned the page of his newspaper without looking up at her or at the window .\nThen Tom Baker rose from his chair , and went to the kitchen door with the long broom in his hand and a frown .\n“ Out , you wicked creature , out ! ”\nAnna laughed at the window , and the cat ran past her into the yard and over the wall into the lane .\n')
    assert [who for _, who, _, _ in lines] == ["Anna Price", "Tom Baker", "Tom Baker"]


def test_said_her_mother_is_a_married_woman_before_a_girl_of_no_title():
    lines, _ = _said("The Parlour\n\nMrs. Harlow sat by the fire with her work. Nora came in from the garden, and "
                     "Clara followed her.\n\n\"The roses are out,\" said Nora.\n\n\"Then we shall have them on the table "
                     "tonight,\" said her mother.\n")
    assert lines[-1][1:3] == ("Mrs. Harlow", "anaphoric")
    # every word for a parent or a spouse, "mum" as "mother"
    lines, _ = _said('Title\n\nMrs. Pruett sat by the stove. Nell came in with the milk and set it down.\n\n'
                     '"Is it cold out?" asked her mum.\n\n"Very," said Nell.\n')
    assert lines[0][1:3] == ("Mrs. Pruett", "anaphoric")


def test_a_boy_called_master_is_not_the_old_gentleman():
    # the subject just before is the boy; "the old gentleman" is the grown man who brought him
    lines, story = _said("The Study\n\nMr. Cardew had brought the boy home at last. Master Kit Hollin sat "
                         "down by the fire and looked at the flames.\n\n\"Are you warm now?\" said the old "
                         "gentleman.\n")
    assert lines[0][1:3] == ("Mr. Cardew", "anaphoric")
    # and the description itself, in the narration, is no link to the boy
    text = story.text + "\nThe old gentleman smiled.\n"
    story = fabula.read(text)
    names = {c.id: c.name for c in story.characters}
    gentleman = [m for m in story.mentions if story.text[m.start:m.end] == "The old gentleman"]
    assert gentleman and names.get(gentleman[-1].character) != "Master Kit Hollin"


def test_a_line_with_no_cue_is_not_said_by_whom_it_talks_of():
    # the narration brought Mrs. Pruett in last, but the answer talks of her: it is Tom's
    lines, _ = _said("The Lane\n\nNell Farrow and Tom Baker walked slowly past the tall house of Mrs. Pruett.\n\n"
                     "\"Who lives there?\" asked Nell.\n\n"
                     "\"That is the house of Mrs. Pruett, the widow of the old doctor.\"\n")
    assert lines[1][1:3] == ("Tom Baker", "implicit")
    # but one who names themself says so: "I am Edwin Tolley"
    lines, _ = _said("The Gate\n\nNell Farrow met Edwin Tolley at the gate in the rain.\n\n"
                     "\"Good evening,\" said Nell.\n\n\"I am Edwin Tolley, your cousin, and I am lost.\"\n")
    assert lines[1][1] == "Edwin Tolley"


def test_said_the_girl_is_not_a_married_woman():
    # Mrs. Harlow is the subject just before, but "the girl" is Nora
    lines, _ = _said("The Parlour\n\nNora came in from the garden with her basket. Mrs. Harlow looked up from "
                     "her work.\n\n\"The roses are out,\" said the girl.\n")
    assert lines[0][1:3] == ("Nora", "anaphoric")


def test_whom_a_cue_says_the_line_to_is_not_its_pronouns_speaker():
    # "she" alone would be Nell, the subject just before; "to Nell" says it is someone else
    lines, _ = _said("Title\n\nClara Dunn sat by the fire. Nell Farrow came in from the rain and shook out her "
                     "cloak.\n\n\"You are soaked through,\" she said to Nell.\n")
    assert (lines[0][1], lines[0][3]) == ("Clara Dunn", ["Nell Farrow"])


def test_a_cue_after_narration_of_the_last_speaker_is_her_going_on():
    # the other's turn would give "said the old lady" to Nell; the narration between is Mrs. Pruett's
    lines, _ = _said('Title\n\nMrs. Pruett and Nell Farrow sat by the fire.\n\n"Is the kettle on?" asked Nell.\n\n'
                     '"It is," said Mrs. Pruett.\n\nMrs. Pruett rose and went slowly to the window.\n\n'
                     '"It will rain all week," said the old lady.\n')
    assert lines[-1][1] == "Mrs. Pruett"


def test_said_her_aunt_is_the_aunt_about_not_the_one_called_aunt_long_before():
    filler = " ".join(f"The rain fell on the {w} road." for w in ["north", "south", "east", "west", "long", "short",
                                                                    "old", "new", "wet", "dry"] * 3)
    lines, _ = _said("Title\n\nNell Farrow had two aunts. Aunt Pruett lived in town and wrote every week. " + filler
                     + "\n\nNell Farrow came at last to the farm, where Mrs. Harlow met her at the gate.\n\n"
                     '"You are late, my dear," said her aunt.\n')
    assert lines[0][1] == "Mrs. Harlow"


def test_a_name_echoed_from_the_line_before_calls_no_one():
    # "Mr. Cardew!" repeats the name Clara said: he is not there to be spoken to, nor to answer
    lines, _ = _said('Title\n\nNell Farrow and Clara Dunn walked by the river.\n\n"Mr. Cardew says the mill will '
                     'close," said Clara.\n\n"Mr. Cardew!" repeated Nell, in utter amazement.\n\n'
                     '"Oh, yes. He told my father so."\n')
    assert [(line[1], line[3]) for line in lines[1:]] == [("Nell Farrow", ["Clara Dunn"]),
                                                         ("Clara Dunn", ["Nell Farrow"])]


def test_the_second_part_of_a_line_goes_to_whom_the_first_part_called_though_no_one_named_says_it():
    # "the young lady" is no one the cast knows yet: no speaker for either part
    lines, _ = _said('The Lake\n\nTom Baker sat by the lake. A small boy named Jasper was throwing stones at the '
                     'ducks.\n\n"Here comes my sister!" cried the boy.\n\n"Sisters are the best," said Tom to the '
                     'boy.\n\nThe young lady from the hotel stopped in front of the bench. The boy had climbed onto '
                     'the wall.\n\n"Jasper," said the young lady, "come down off that wall."\n')
    assert [(who, addressees) for _, who, _, addressees in lines[2:]] == [(None, ["Jasper"]), (None, ["Jasper"])]
