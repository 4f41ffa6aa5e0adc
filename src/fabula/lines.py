"""How the analysed text is laid out in lines: prose in paragraphs, or a corpus's rendering
a sentence a line (LitBank's tokenised excerpts), where a line's end is no paragraph's end
and says nothing about where a topic or a speech ends."""

from __future__ import annotations

from collections import Counter


ONE_SENTENCE_SHARE = 0.8  # of paragraphs holding one sentence each: the text is laid out a sentence a line


def one_sentence_per_line(story) -> bool:
    """Whether every "paragraph" is mostly one sentence (tokenised corpora such as LitBank),
    so that a paragraph's end says nothing about where a topic or a speech ends."""
    per = Counter(s.paragraph for s in story.sentences)
    return len(per) >= 20 and sum(1 for n in per.values() if n == 1) >= ONE_SENTENCE_SHARE * len(per)


TOKENISED_SHARE = 0.5  # of commas with a space before them: text split into tokens by an NLP tool


def split_into_sentences(story) -> bool:
    """Whether the text is a corpus's rendering, tokenised and a sentence a line (LitBank's), whose
    lines are sentences and not paragraphs: a story told in one-sentence paragraphs is not."""
    commas = story.text.count(",")
    return one_sentence_per_line(story) and commas >= 20 and story.text.count(" ,") >= TOKENISED_SHARE * commas
