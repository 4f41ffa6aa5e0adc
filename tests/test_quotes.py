"""Finding the dialogue: quotation styles, broken marks, nesting, and quoted words that nobody says."""

import fabula


def _lines(text):
    story = fabula.read(text)
    return [story.text[q.start:q.end] for q in story.quotes]


def test_straight_and_curly_double_quotes():
    text = ('Title\n\n"Straight," said Anna. "Still straight."\n\n'
            '“Curly,” said Ben, “and curly again.”\n\nNobody spoke after that.\n')
    assert _lines(text) == ["Straight,", "Still straight.", "Curly,", "and curly again."]


def test_single_quote_dialogue_with_apostrophes():
    text = ("The Lane\n\n‘I don’t know,’ said Anna. ‘It’s the girls’ house, isn’t it?’\n\n"
            "‘Is it?’ asked Ben. ‘I thought it was o’clock already.’\n\nThey walked on.\n")
    assert _lines(text) == ["I don’t know,", "It’s the girls’ house, isn’t it?", "Is it?",
                            "I thought it was o’clock already."]


def test_dash_dialogue():
    text = ("Morning\n\n— Are you awake? — asked Anna. — It is late.\n\n— I am now, — said Ben.\n\n"
            "The kettle boiled.\n")
    assert _lines(text) == ["Are you awake?", "It is late.", "I am now,"]


def test_dash_dialogue_with_its_cue_written_in_between_commas_or_after():
    text = ("The Tower\n\n— Look at the sea, Denzil said, it is the colour of slate.\n\n"
            "— Yes, said Calder quietly.\n\n— You know, he said, I was born on a day like this.\n\n"
            "The gulls wheeled over the parapet.\n")
    assert _lines(text) == ["Look at the sea,", "it is the colour of slate.", "Yes,", "You know,",
                            "I was born on a day like this."]


def test_speech_running_over_paragraphs():
    text = ('Story\n\n"This is the first part of a long speech,\n\n'
            '"and this is the second part," said Anna.\n\nBen nodded.\n')
    assert _lines(text) == ["This is the first part of a long speech,", "and this is the second part,"]


def test_a_quotation_inside_a_quotation_stays_inside():
    text = 'Story\n\n"He told me, "go home," and I went," said Anna.\n\nBen laughed.\n'
    assert _lines(text) == ['He told me, "go home," and I went,']


def test_missing_opening_mark_starts_at_its_sentence():
    text = ('Story\n\nShe grinned back at him. How long did that take you?" In a lower voice he added, '
            '"Not long at all."\n\nThey laughed.\n')
    assert _lines(text) == ["How long did that take you?", "Not long at all."]


def test_missing_closing_mark_ends_at_the_paragraph():
    text = 'Story\n\n"I will not go, said Anna, and sat down.\n\nBen shrugged.\n'
    assert _lines(text) == ["I will not go, said Anna, and sat down."]


def test_scare_quotes_and_titles_are_not_dialogue():
    text = ('Story\n\nShe had to deal with a huge "blip" on the scale before reading "The Times" at breakfast.\n\n'
            '"Done," she said.\n')
    assert _lines(text) == ["Done,"]


def test_a_quotation_over_lines_of_one_sentence_each():
    pad = " , and the wind came in off the grey sea all the long afternoon while the kettle ticked on the stove"
    lines = [f"“ I have waited long{pad} , ” she said .", f"“ Too long{pad} .", f"Nobody comes here now{pad} .",
             f"Not even the post{pad} . ”", f"He nodded{pad} ."]
    assert _lines("\n".join(lines) + "\n") == [
        f"I have waited long{pad} ,", f"Too long{pad} .", f"Nobody comes here now{pad} .", f"Not even the post{pad} ."]


def test_tokenised_contractions_are_not_quotation_marks():
    text = "Title\n\n‘ I wonder where I ’ve left my gloves , ’ said Nora . ‘ I do n’t know . ’\n\nShe looked .\n"
    assert _lines(text) == ["I wonder where I ’ve left my gloves ,", "I do n’t know ."]


def test_a_speech_laid_out_one_tokenised_sentence_per_line_runs_on_to_its_closing_mark():
    # LitBank's layout: one sentence per line (each a paragraph, being long), spaces around
    # every mark, so a straight mark says nothing by its neighbours; an odd number of marks
    # on a later line closes the speech carried into it
    long = "in the whole of the county , whatever the farmers and the carters at the market may say of it"
    text = ("Title\n" f'" A painter is a liar , " he cried .\n" You might turn the words round {long} .\n'
            f"A liar is a painter {long} .\nThe poet loves nothing but a muddle {long} .\n"
            f'If it were not so , the railway would be a poem {long} . "\nLeonard laughed {long} .\n')
    story = fabula.read(text)
    assert len(story.paragraphs) >= 6
    quoted = [story.text[q.start:q.end] for q in story.quotes]
    assert len(quoted) == 5 and quoted[-1].startswith("If it were not so") and "Leonard" not in " ".join(quoted)
    said = {story.text[q.start:q.end][:12]: q.speaker for q in story.quotes}
    assert len(set(said.values())) == 1 and None not in said.values()  # the lines carried on are one speech


PAD = " , and the wind came in off the grey sea all the long afternoon while the kettle ticked on the stove"


def test_a_quotation_quoted_inside_a_speech_over_lines_does_not_end_it():
    # the speech runs on past a line that quotes a saying of its own ("a hungry dog ...")
    lines = [f"“ That dog has eaten my supper again{PAD} .",
             f"He does it every night , and as my mother used to say , “ a hungry dog hears no whistle ”{PAD} .",
             f"I shall have to lock the larder{PAD} . ”", f"Widow Larkin put down her basket{PAD} ."]
    quoted = _lines("\n".join(lines) + "\n")
    assert any(q.startswith("He does it every night") for q in quoted)
    assert not any("Widow Larkin" in q for q in quoted)


def test_a_tokenised_line_opening_with_a_mark_opens_a_speech_again():
    # '" I \'ve mended ...' opens the next paragraph of the speech; it does not close the line before
    lines = [f'" I know you are weary , Ambrose{PAD} .', f'" I \'ve mended your coat for you , Ambrose{PAD} .',
             f'When it wears through , write to me{PAD} . "', f"Ambrose looked at the floor{PAD} ."]
    quoted = _lines("\n".join(lines) + "\n")
    assert any(q.startswith("I 've mended your coat") for q in quoted)
    assert any(q.startswith("I know you are weary") for q in quoted)
    assert not any("Ambrose looked" in q for q in quoted)


def test_a_tokenised_mark_after_a_colon_opens():
    # a stray mark left open on the first line must not carry on through the narration up to the
    # mark after "trembling voice :", which opens a speech rather than closing one
    lines = [f'" Yours ever , " ALBERIC{PAD} . "', f"I found that the landlord had a note from the mill{PAD} .",
             f'The old woman said in a trembling voice : " Will you not stay{PAD} ?', f'Oh , will you not stay{PAD} ? "',
             f"She was in great distress{PAD} ."]
    quoted = _lines("\n".join(lines) + "\n")
    assert not any("the landlord" in q for q in quoted)
    assert any(q.startswith("Will you not stay") for q in quoted)


def test_dash_dialogue_after_a_colon_and_written_as_two_hyphens():
    # as some modernists write it, in a Gutenberg text: "--" for the dash, and speech after a colon
    text = ("The Schoolroom\n\nHis aunt said: --Peter, come in now.\n\n"
            "The nurse said: --Come in, or the rain will soak you through.\n\n"
            "--Soak you through, come in.\n\nAnd one day a boy had asked: --Where do you live?\n\n"
            "Peter had answered: --By the quay.\n\nThe boys laughed at that.\n")
    assert _lines(text) == ["Peter, come in now.", "Come in, or the rain will soak you through.",
                            "Soak you through, come in.", "Where do you live?", "By the quay."]


def test_a_few_lines_opening_with_two_hyphens_are_not_dialogue():
    # a text with no quotation marks whose sentences sometimes open with a Gutenberg dash
    text = ("The Garden\n\nI tend my roses, and I write among them now.\n\n--It is a quiet corner.\n\n"
            "The lilacs are out.\n\n--Still, the frost will come.\n\nI shall not mind it.\n")
    assert _lines(text) == []


def test_tokenised_straight_single_quotes_are_the_works_dialogue():
    # each mark stands apart from its words, as in LitBank's tokenised texts; the one double mark
    # (a nickname in quotation) must not make double quotes the style
    text = ("Title\n\nThe postman came up the steps with a parcel for \" Pryor \" .\n"
            "' Good day , Mrs Harlow ... three letters for you ! ' he said .\n"
            "' Thank you , ' said Mrs Harlow . ' From Nell at last ! '\n")
    assert _lines(text) == ["Good day , Mrs Harlow ... three letters for you !", "Thank you ,", "From Nell at last !"]


def test_a_tokenised_speech_runs_on_over_unmarked_lines_to_the_line_that_opens_its_next_paragraph():
    # a sentence a line: the speech's first paragraph has three sentences, and only the line
    # opening with a mark shows where its next paragraph begins
    lines = [f"The tide came in at the {n} hour{PAD} ." for n in ("first", "second", "third", "fourth", "fifth",
                                                                 "sixth", "seventh", "eighth", "ninth", "tenth",
                                                                 "eleventh", "twelfth", "thirteenth", "fourteenth", "last")]
    lines += ['She took his hands and said as follows : " You mind yourself , Ambrose , and keep warm'
             f'{PAD} .', f"Do n't go thinking the sea is kind{PAD} .", f"I know what you are like , Ambrose{PAD} .",
             f'" I \'ve mended your coat for you{PAD} . "', f"Ambrose looked at the floor{PAD} .",
              f"Then he went out to the boat{PAD} ."]
    quoted = _lines("\n".join(lines) + "\n")
    assert any(q.startswith("Do n't go thinking") for q in quoted) and any(q.startswith("I know what") for q in quoted)
    assert not any("Ambrose looked" in q for q in quoted)


def test_a_straight_mark_ending_its_paragraph_closes():
    # tokenised marks, one missing before "Perhaps": counted in turn, the last would open a quotation
    # with nothing in it and leave "I shall stay over" unquoted
    text = 'Title\n\nPerhaps , " she added , " I shall stay over . "\n\nShe paused while he took this in .\n'
    quoted = _lines(text)
    assert "I shall stay over ." in quoted and not any("She paused" in q for q in quoted)
