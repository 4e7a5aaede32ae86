"""extract_document on small transcripts: who a nameless role label ("THE PRESIDENT") is."""
from __future__ import annotations

from datasette_diplomacy.model import Document
from datasette_diplomacy.pipeline import extract_document


def extract(text: str, title: str, name: str = "doc"):
    doc = Document(source=f"/corpus/{name}.txt", name=name, text=text, format="txt",
                   title=title, kind="transcript")
    return extract_document(doc)


def speakers_by_label(extraction) -> dict[str, tuple[str, str]]:
    """label -> (speaker name, type), for the labelled turns of a transcript."""
    by_id = {s.id: s for s in extraction.speakers}
    result = {}
    for quote in extraction.quotes:
        if quote.kind != "question" and quote.cue and quote.speaker:
            speaker = by_id[quote.speaker]
            assert result.setdefault(quote.cue, (speaker.name, speaker.type)) == (speaker.name, speaker.type)
    return result


JOINT = """THE WHITE HOUSE

2:15 P.M. CEST

PRESIDENT MACRON:  (As interpreted.)  Thank you very much, Mr. President.  We had a long talk about Ukraine and about energy.

THE PRESIDENT:  Thank you, Emmanuel.  We agreed to keep up the pressure on Moscow.

Q  Mr. President, will there be new sanctions?

THE PRESIDENT:  We are working on them with our partners.

END  2:40 P.M. CEST
"""


def test_title_names_the_president():
    extraction = extract(JOINT, "Remarks by President Biden and President Macron of France in Joint Press Conference")
    labels = speakers_by_label(extraction)
    # Macron has a label of his own, so the other president of the title is THE PRESIDENT
    assert labels["THE PRESIDENT"] == ("Biden", "person")
    assert labels["PRESIDENT MACRON"] == ("Macron", "person")


TWO_PRESIDENTS = """2:15 P.M. CEST

THE PRESIDENT:  Thank you all for coming.  We had a long talk about Ukraine.

Q  Mr. President, will there be new sanctions?

THE PRESIDENT:  We are working on them with our partners.

END  2:40 P.M. CEST
"""


def test_two_presidents_in_the_title_stay_nameless():
    extraction = extract(TWO_PRESIDENTS, "Remarks by President Biden and President Macron of France in Joint Press Conference")
    labels = speakers_by_label(extraction)
    assert labels["THE PRESIDENT"] == ("President", "person")


def test_title_naming_the_president():
    extraction = extract(TWO_PRESIDENTS, "Remarks by President Biden on the Ukraine Crisis")
    assert speakers_by_label(extraction)["THE PRESIDENT"] == ("Biden", "person")


def test_title_names_a_role_of_another_person_with_the_surname():
    body = """THE FIRST LADY:  Good evening, everyone.

THE PRESIDENT:  Thank you, Jill.  It's good to be home.

END
"""
    extraction = extract(body, "Remarks by President Biden and First Lady Jill Biden at a Dinner")
    labels = speakers_by_label(extraction)
    assert labels["THE FIRST LADY"][0] == "Jill Biden"
    assert labels["THE PRESIDENT"] == ("Biden", "person")  # not the First Lady


def test_introduction_names_the_president():
    body = """MS. RIVERA:  Ladies and gentlemen, please welcome the President of the United States, Joe Biden.

THE PRESIDENT:  Thank you, thank you.  Please, sit down.

END
"""
    extraction = extract(body, "Remarks at a Union Event in Pittsburgh")
    assert speakers_by_label(extraction)["THE PRESIDENT"] == ("Joe Biden", "person")


def test_press_secretary_surname_label_takes_the_title_name():
    body = """1:02 P.M. EST

MS. PSAKI:  Hi, everyone.  Two items for you at the top.

Q  Jen, on Ukraine: is there a deadline?

MS. PSAKI:  There is no deadline I can give you.

MR. SULLIVAN:  I'd add one thing on that.

END  1:40 P.M. EST
"""
    extraction = extract(body, "Press Briefing by Press Secretary Jen Psaki and National Security Advisor Jake Sullivan, February 11, 2022")
    labels = speakers_by_label(extraction)
    assert labels["MS. PSAKI"] == ("Jen Psaki", "person")
    assert labels["MR. SULLIVAN"] == ("Jake Sullivan", "person")


def test_nameless_label_without_any_holder():
    extraction = extract(TWO_PRESIDENTS, "Remarks in a Press Conference")
    assert speakers_by_label(extraction)["THE PRESIDENT"] == ("President", "person")


BRIEFING_WITH_OUTLETS = """Spokesperson Lin Hao: Good afternoon. I have one announcement to make today.

AFP: Your neighbour says it will hold elections soon. What is your response?

Spokesperson Lin Hao: We respect the choice of the people there.

Reuters: Has the minister spoken with his counterpart?

Lin Hao: I have nothing to offer on that.

China Daily: A follow-up. Will an envoy travel to the region?

Lin Hao: We will release information in due course.
"""


def test_news_outlets_asking_at_a_briefing_are_questions_not_speakers():
    extraction = extract(BRIEFING_WITH_OUTLETS, "Foreign Ministry Spokesperson Lin Hao's Regular Press Conference")
    names = {s.id: s.name for s in extraction.speakers}
    turns = [(names.get(q.speaker), q.kind, q.text.split()[0]) for q in extraction.quotes]
    assert turns == [
        ("Lin Hao", "transcript", "Good"), (None, "question", "Your"), ("Lin Hao", "transcript", "We"),
        (None, "question", "Has"), ("Lin Hao", "transcript", "I"), (None, "question", "A"),
        ("Lin Hao", "transcript", "We"),
    ]


def test_surname_label_takes_the_name_of_the_header():
    # the byline above the first turn names the spokesperson; a later mention of a namesake does not count
    body = """Ned Pryce, Department Spokesperson
Washington, D.C.

MR PRYCE:  Good afternoon.  I have one item at the top.

QUESTION:  Thanks, Ned.  Has the Secretary spoken to Olga Pryce?

MR PRYCE:  I don't have any calls to read out.
"""
    labels = speakers_by_label(extract(body, "Department Press Briefing - March 1, 2022"))
    assert labels["MR PRYCE"] == ("Ned Pryce", "person")


SPOKESPERSON_BRIEFING = """Anna Berg, Spokesperson for the Ministry of Foreign Affairs: Good afternoon. The minister is in Oslo today.

Question: Anna, will he meet the Icelandic delegation?

Spokesperson: No such meeting is planned at the moment.

Question: And on the fishing quotas?

Spokesperson: We remain concerned about the talks.
"""


def test_a_name_and_office_label_and_the_office_label_after_it_are_one_person():
    extraction = extract(SPOKESPERSON_BRIEFING, title="Daily press briefing")
    assert speakers_by_label(extraction) == {
        "Anna Berg, Spokesperson for the Ministry of Foreign Affairs": ("Anna Berg", "person"),
        "Spokesperson": ("Anna Berg", "person"),
    }
    roles = {s.name: s.role for s in extraction.speakers}
    assert roles["Anna Berg"] == "Spokesperson for the Ministry of Foreign Affairs"


INTERVIEW = """Q: Minister, what do you expect from the talks in Oslo?

A: We expect a serious conversation about the fishing quotas.

Q: Will you discuss sanctions?

A: We will discuss everything our partners want to discuss.
"""


def test_answers_in_an_interview_are_the_person_the_title_names():
    extraction = extract(INTERVIEW, title="Foreign Minister Olav Berg's interview with the newspaper Aftenposten")
    assert speakers_by_label(extraction) == {"A": ("Olav Berg", "person")}
    assert {s.name: s.role for s in extraction.speakers}["Olav Berg"] == "Foreign Minister"


def test_answers_without_a_named_interviewee_stay_nameless():
    extraction = extract(INTERVIEW, title="An interview about the fishing quotas")
    assert "Olav Berg" not in {s.name for s in extraction.speakers}
    assert all(s.type != "person" for s in extraction.speakers)


def test_answers_are_the_one_person_the_introduction_names():
    intro = "In an exclusive interview, the Norwegian foreign minister Olav Berg spoke to our correspondent.\n\n"
    extraction = extract(intro + INTERVIEW, title="Interview: \u201cWe expect a serious conversation\u201d")
    assert speakers_by_label(extraction) == {"A": ("Olav Berg", "person")}


def test_answers_stay_nameless_when_the_introduction_names_two_people():
    intro = "Olav Berg met Ingrid Dahl in Oslo before the talks. We spoke to one of them.\n\n"
    extraction = extract(intro + INTERVIEW, title="An interview about the fishing quotas")
    assert speakers_by_label(extraction)["A"][1] != "person"


NOON_BRIEFING = """The following is a near-verbatim transcript of today's noon briefing by Lena Marsh, Spokesperson for the Secretary-General.

Question: Lena, has the Secretary-General spoken to the foreign minister?

Spokesperson: Not today. He spoke to her last week.

Question: And the humanitarian corridor?

Spokesperson: Our colleagues are working on it.
"""


def test_an_office_label_is_the_person_introduced_with_that_office_after_the_name():
    extraction = extract(NOON_BRIEFING, title="Noon briefing")
    assert speakers_by_label(extraction) == {"Spokesperson": ("Lena Marsh", "person")}


def test_an_interview_printed_at_the_end_of_a_story_gives_whole_answers():
    # one question and one answer are no transcript, but the answer is the speaker's turn, whole
    text = ("Ruritanian Foreign Minister Ana Costa met reporters in Riga on Monday.\n\n"
            "She said the talks had been useful.\n\n"
            "Question: Minister, do you expect contacts with the new administration?\n\n"
            "Ana Costa: We have never refused contacts. The ball is in their court.\n")
    ex = extract_document(Document(source="x.txt", name="x", text=text, title="Costa: the ball is in their court",
                                   format="txt"))
    names = {s.id: s.name for s in ex.speakers}
    turns = [(q.kind, names.get(q.speaker), q.text) for q in ex.quotes if q.kind in ("question", "transcript")]
    assert ex.article.kind == "article"
    assert turns == [("question", None, "Minister, do you expect contacts with the new administration?"),
                     ("transcript", "Ana Costa", "We have never refused contacts. The ball is in their court.")]


def test_an_answer_label_that_names_nobody_in_the_story_stays_a_label():
    # "A:" (or a name the story never mentions) is no interview's speaker: the turns are left alone
    text = ("The committee met on Monday in Riga to discuss the border, the grain corridor and the new sanctions, "
            "and its members spent most of the day on the budget for next year's monitoring mission.\n\n"
            "Q: Do you expect contacts with the new administration?\n\n"
            "A: We have never refused contacts. The ball is in their court.\n")
    ex = extract_document(Document(source="x.txt", name="x", text=text, title="Committee meets", format="txt"))
    assert ex.article.kind == "article"
    assert [q for q in ex.quotes if q.kind in ("question", "transcript")] == []
