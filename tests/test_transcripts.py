"""Speaker turns of transcripts (extract/transcripts.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from datasette_diplomacy.extract.transcripts import (
    LabelPerson,
    find_turns,
    introduced_people,
    is_role_name,
    looks_like_transcript,
    parse_label,
    same_role,
    title_people,
    title_speaker,
)
from datasette_diplomacy.text import paragraph_spans

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NBSP = "\u00a0"


def turns_of(body: str, title: str | None = None):
    turns = find_turns(body, paragraph_spans(body), title=title)
    for t in turns:
        assert body[t.start:t.end] == t.text
        assert t.text == t.text.strip()
    return turns


# ----------------------------------------------------------------------------------------------
# parse_label


@pytest.mark.parametrize(
    "label, name, role, anonymous",
    [
        ("MS. PSAKI", "Psaki", None, False),
        ("MR. SULLIVAN", "Sullivan", None, False),
        ("MR. KIRBY", "Kirby", None, False),
        ("Mr. KIRBY", "Kirby", None, False),
        ("MS. JEAN-PIERRE", "Jean-Pierre", None, False),
        ("MS. O’DONNELL", "O’Donnell", None, False),
        ("MR.\u00a0 SULLIVAN", "Sullivan", None, False),
        ("Sergey Lavrov (adds after Ms Truss)", "Sergey Lavrov", None, False),
        ("Sergey Lavrov", "Sergey Lavrov", None, False),
        ("THE PRESIDENT", None, "President", False),
        ("THE VICE PRESIDENT", None, "Vice President", False),
        ("PRESIDENT ERDOĞAN", "Erdoğan", "President", False),
        ("PRIME MINISTER STØRE", "Støre", "Prime Minister", False),
        ("SECRETARY MAYORKAS", "Mayorkas", "Secretary", False),
        ("ACTING ADMINISTRATOR SLAVITT", "Slavitt", "Acting Administrator", False),
        ("SURGEON GENERAL MURTHY", "Murthy", "Surgeon General", False),
        ("ADVISOR MCCARTHY", "McCarthy", "Advisor", False),
        ("MAYOR COGNETTI (SCRANTON, PA)", "Cognetti", "Mayor", False),
        ("SENIOR ADMINISTRATION OFFICIAL", None, "Senior Administration Official", True),
        ("SENIOR ADMINISTRATION OFFICIAL 2", None, "Senior Administration Official 2", True),
        ("SENIOR ADMINISTRATION OFFICIAL #2", None, "Senior Administration Official #2", True),
        ("MODERATOR", None, "Moderator", True),
        ("Moderator", None, "Moderator", True),
        ("AIR FORCE ONE CREW MEMBER", None, "Air Force One Crew Member", True),
        ("Foreign Minister Sergey Lavrov", "Sergey Lavrov", "Foreign Minister", False),
        ("PRESIDENT VON DER LEYEN", "von der Leyen", "President", False),
        # an office in parentheses after a full name is the speaker's role; a stage note is not
        ("Ana Lupu (NATO Spokesperson)", "Ana Lupu", "NATO Spokesperson", False),
        ("Ana Lupu (retranslated from Romanian)", "Ana Lupu", None, False),
        ("NATO Secretary General Tor Lien", "Tor Lien", "NATO Secretary General", False),
    ],
)
def test_parse_label(label, name, role, anonymous):
    assert parse_label(label) == LabelPerson(name, role, anonymous)


def test_parse_label_numbered_officials_differ():
    one = parse_label("SENIOR ADMINISTRATION OFFICIAL 1")
    two = parse_label("SENIOR ADMINISTRATION OFFICIAL 2")
    assert one.anonymous and two.anonymous and one.role != two.role


@pytest.mark.parametrize("label", ["Q", "Question", "Question (addressed to Elizabeth Truss)", "QUESTION"])
def test_parse_label_questions_name_nobody(label):
    person = parse_label(label)
    assert person.name is None and person.anonymous


# ----------------------------------------------------------------------------------------------
# titles


@pytest.mark.parametrize(
    "title, name, role",
    [
        (
            "Foreign Minister Sergey Lavrov’s statement and answers to media questions at a joint news "
            "conference following talks with UK Foreign Secretary Elizabeth Truss, Moscow, February 10, 2022",
            "Sergey Lavrov",
            "Foreign Minister",
        ),
        ("Remarks by President Biden on the Russian Federation’s Unprovoked Attack", "Biden", "President"),
        ("Press Briefing by Press Secretary Jen Psaki and Secretary of Homeland Security Alejandro Mayorkas",
         "Jen Psaki", "Press Secretary"),
        ("Statement by Secretary of Health and Human Services Xavier Becerra", "Xavier Becerra",
         "Secretary of Health and Human Services"),
        ("Remarks by Dr. Liz Sherwood-Randall Assistant to the President for Homeland Security on Bioterrorism",
         "Liz Sherwood-Randall", "Assistant to the President"),
        ("REMARKS BY VICE PRESIDENT HARRIS TO DEPARTMENT OF DEFENSE PERSONNEL", "Harris", "Vice President"),
        ("Remarks of National Security Advisor Jake Sullivan A New Frontier for the U.S.-India Partnership",
         "Jake Sullivan", "National Security Advisor"),
        ("Excerpts from President Joe Biden’s Speech to the Building Trades", "Joe Biden", "President"),
        ("Remarks by the Second Gentleman at a Campaign Event", None, "Second Gentleman"),
    ],
)
def test_title_speaker(title, name, role):
    person = title_speaker(title)
    assert person is not None
    assert (person.name, person.role) == (name, role)


@pytest.mark.parametrize(
    "title",
    [
        "Russia's Lavrov unhappy after talks with UK's Truss",
        "Meeting with UK's Truss was fruitless, Russia's Lavrov says",
        "Readout of President Biden’s Call with Chancellor Scholz",
        None,
        "",
    ],
)
def test_title_speaker_none(title):
    assert title_speaker(title) is None


# ----------------------------------------------------------------------------------------------
# MFA-style transcripts

MFA = """Foreign Minister Sergey Lavrov’s remarks and answers to media questions following talks with \
Foreign Minister of Ruritania Anna Smith, Moscow, March 3, 2022

Ladies and gentlemen,

We held substantive talks today. We discussed the Minsk agreements and security guarantees.

Question (addressed to Anna Smith): Did you discuss sanctions? What did you say?

Anna Smith: We did. I told my colleague that sanctions are not our choice.

Sergey Lavrov (adds after Ms Smith): I would like to add that sanctions never work.

Question: Will the Nord Stream 2 pipeline go ahead?

Sergey Lavrov: This is a commercial project. It will go ahead.
"""


def test_mfa_transcript_turns():
    turns = turns_of(MFA)
    assert [(t.kind, t.label) for t in turns] == [
        ("transcript", None),
        ("question", "Question (addressed to Anna Smith)"),
        ("transcript", "Anna Smith"),
        ("transcript", "Sergey Lavrov (adds after Ms Smith)"),
        ("question", "Question"),
        ("transcript", "Sergey Lavrov"),
    ]
    opening = turns[0]
    assert opening.opening_speaker == LabelPerson("Sergey Lavrov", "Foreign Minister", False)
    assert opening.text.startswith("Ladies and gentlemen,")
    assert opening.text.endswith("security guarantees.")
    assert turns[1].text == "Did you discuss sanctions? What did you say?"
    assert turns[5].text == "This is a commercial project. It will go ahead."
    assert parse_label(turns[3].label).name == "Sergey Lavrov"
    assert looks_like_transcript(MFA, turns)


def test_title_argument_names_the_opening_speaker():
    body = MFA.split("\n\n", 1)[1]  # the cleaner moved the title out of the body
    title = MFA.split("\n\n", 1)[0]
    turns = turns_of(body, title=title)
    assert turns[0].label is None
    assert turns[0].opening_speaker.name == "Sergey Lavrov"
    assert turns[0].text.startswith("Ladies and gentlemen,")
    # without a title there is no one to give the opening to
    assert turns_of(body)[0].label == "Question (addressed to Anna Smith)"


def test_title_repeated_in_body_is_not_the_opening():
    title = MFA.split("\n\n", 1)[0]
    turns = turns_of(MFA, title=title)
    assert turns[0].text.startswith("Ladies and gentlemen,")


def test_seed_003_mfa_transcript():
    body = (SEEDS / "003_9e8e457793dc7867.txt").read_text(encoding="utf-8")
    turns = turns_of(body)
    assert looks_like_transcript(body, turns)
    opening = turns[0]
    assert opening.label is None
    assert opening.opening_speaker.name == "Sergey Lavrov"
    assert opening.opening_speaker.role == "Foreign Minister"
    assert opening.text.startswith("Ladies and gentlemen, good afternoon.")
    questions = [t for t in turns if t.kind == "question"]
    assert len(questions) == 4
    assert all(t.label.startswith("Question") for t in questions)
    assert questions[0].label == "Question (addressed to Elizabeth Truss)"
    answers = [t for t in turns[1:] if t.kind == "transcript"]
    assert len(answers) == 4
    assert answers[0].label == "Sergey Lavrov (adds after Ms Truss)"
    assert {parse_label(t.label).name for t in answers} == {"Sergey Lavrov"}
    # the page furniture in Russian after the last answer is not Lavrov's
    assert turns[-1].text.endswith("ahead of electoral adventures.")
    # the answers do not run into the following question
    assert "Question" not in answers[0].text.split("\n\n")[-1][:10]


@pytest.mark.parametrize("name", ["000_928b3f1760d52fff", "001_7c24b6ac79fa6e63", "002_81d9eb9d166fdc9e",
                                  "004_29a750cc80d44296"])
def test_news_seeds_are_not_transcripts(name):
    body = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    turns = turns_of(body)
    assert not looks_like_transcript(body, turns)
    assert not [t for t in turns if t.label]


NEWS = """Lavrov unhappy after talks

Russian Foreign Minister Sergey Lavrov said the talks were fruitless.

Lavrov said: "It was like a conversation between a mute and a deaf."

Truss told reporters: "Russia must withdraw its troops."

Key points: the talks lasted four hours.

Ukraine Crisis: What We Know So Far

NATO: the alliance will not accept a veto on enlargement, Stoltenberg said.
"""


def test_news_text_has_no_labels():
    turns = turns_of(NEWS)
    # only the ALL-CAPS "NATO:" at a paragraph start fits the label grammar (as in the scorer);
    # "Lavrov said:", "Truss told reporters:", "Key points:" and headings do not
    assert [t.label for t in turns] == ["NATO"]
    assert not looks_like_transcript(NEWS, turns)


def test_single_mixed_case_heading_is_not_a_label():
    body = "Moscow Talks: no progress\n\nThe ministers met for four hours and agreed on nothing at all.\n"
    assert turns_of(body) == []


def test_interview_with_repeated_names_is_a_transcript():
    body = (
        "Maria Zakharova: Good afternoon. Let me start with Ukraine.\n\n"
        "John Smith: Thank you. What about the talks?\n\n"
        "Maria Zakharova: The talks will go on next week in Geneva.\n"
    )
    turns = turns_of(body)
    assert [t.label for t in turns] == ["Maria Zakharova", "John Smith", "Maria Zakharova"]
    assert looks_like_transcript(body, turns)


# ----------------------------------------------------------------------------------------------
# White House style briefings

BRIEFING = f"""James S. Brady Press Briefing Room

12:07 P.M. EST

{NBSP}{NBSP}{NBSP} MS. PSAKI:{NBSP} Good afternoon.{NBSP} Today we have a guest, the National
Security Advisor, who will talk about NATO: the alliance is stronger
than ever.{NBSP}{NBSP}
{NBSP}
MR. SULLIVAN:{NBSP} Thanks, Jen.{NBSP} The President spoke with allies today.

Q{NBSP}{NBSP}{NBSP} Jake, is an invasion imminent?

MR. SULLIVAN:{NBSP} We cannot predict it.

Q: And sanctions?

Q— And what about Nord Stream 2?

SENIOR ADMINISTRATION OFFICIAL 2:  The pipeline will not go ahead.

THE PRESIDENT:  (Laughs.)  Thank you all.

Q Mr. President, one more?

10:40 A.M. EST

END{NBSP}{NBSP}12:50 P.M. EST

MS. PSAKI: This text after END still belongs to a new turn.
"""


def test_white_house_briefing():
    turns = turns_of(BRIEFING, title="Press Briefing by Press Secretary Jen Psaki and National Security Advisor Jake Sullivan")
    got = [(t.kind, t.label) for t in turns]
    assert got == [
        ("transcript", "MS. PSAKI"),
        ("transcript", "MR. SULLIVAN"),
        ("question", "Q"),
        ("transcript", "MR. SULLIVAN"),
        ("question", "Q"),
        ("question", "Q"),
        ("transcript", "SENIOR ADMINISTRATION OFFICIAL 2"),
        ("transcript", "THE PRESIDENT"),
        ("question", "Q"),
        ("transcript", "MS. PSAKI"),
    ]
    # a wrapped line starting with an acronym and a colon is no label
    assert "NATO: the alliance is stronger\nthan ever." in turns[0].text
    assert turns[0].text.startswith("Good afternoon.")
    assert turns[2].text == "Jake, is an invasion imminent?"
    assert turns[4].text == "And sanctions?"
    assert turns[5].text == "And what about Nord Stream 2?"
    # the time stamp and the END line are in no turn
    assert turns[8].text == "Mr. President, one more?"
    assert parse_label(turns[6].label).anonymous
    assert looks_like_transcript(BRIEFING, turns)


def test_labels_need_a_line_start_and_no_digit_after_the_colon():
    body = "MS. PSAKI:  We start at 10:40 A.M. and the call ends at END: 11:00.\n\nQ  Thanks.\n"
    turns = turns_of(body)
    assert [t.label for t in turns] == ["MS. PSAKI", "Q"]
    assert turns[0].text.endswith("11:00.")


def test_one_word_labels_only_at_paragraph_start():
    body = (
        "MR. KIRBY:  The allies agreed on this\n"
        "NATO: another war is not in anyone's interest.\n\n"
        "NATO: this one-word label starts a paragraph, so it counts.\n"
    )
    turns = turns_of(body)
    assert [t.label for t in turns] == ["MR. KIRBY", "NATO"]


def test_statement_headers_are_not_speakers():
    body = "TO: The Congress\n\nSUBJECT: Sanctions\n\nFACT SHEET: New sanctions on Russia.\n"
    assert [t for t in turns_of(body) if t.label] == []


def test_mixed_case_names_are_not_labels_in_caps_transcripts():
    body = (
        "MS. PSAKI:  Go ahead.\n\n"
        "Q  A question for you.\n\n"
        "Dr. Fauci: said last week that the vaccine works. Do you agree?\n\n"
        "MS. PSAKI:  Yes.\n"
    )
    turns = turns_of(body)
    assert [t.label for t in turns] == ["MS. PSAKI", "Q", "MS. PSAKI"]
    assert "Dr. Fauci" in turns[1].text


def test_markdown_labels_and_time_stamp_prefix():
    body = "**MS. PSAKI:** Hello there, everyone.\n\n5:19 P.M. EDT MODERATOR:  Thanks, everyone, for joining.\n"
    turns = turns_of(body)
    assert [(t.label, t.text) for t in turns] == [
        ("MS. PSAKI", "Hello there, everyone."),
        ("MODERATOR", "Thanks, everyone, for joining."),
    ]


def test_text_before_first_label_belongs_to_no_turn_without_a_speaker_title():
    body = "Via Teleconference\n\nThis is an introduction by nobody in particular.\n\nMS. PSAKI:  Hi.\n"
    turns = turns_of(body, title="Press Briefing on the Budget")
    assert [t.label for t in turns] == ["MS. PSAKI"]


def test_header_lines_are_not_an_opening_statement():
    body = "James S. Brady Press Briefing Room\n\n*As Prepared for Delivery*\n\nMS. PSAKI:  Hi there.\n\nQ  Hello.\n"
    turns = turns_of(body, title="Press Briefing by Press Secretary Jen Psaki")
    assert [t.label for t in turns] == ["MS. PSAKI", "Q"]


def test_speech_without_labels_is_one_opening_turn_but_no_transcript():
    body = "The White House\n\nThank you all for coming. Today we announce new sanctions.\n\nGod bless you.\n"
    turns = turns_of(body, title="Remarks by President Biden on Russia")
    assert len(turns) == 1
    assert turns[0].opening_speaker.name == "Biden"
    assert turns[0].text == "Thank you all for coming. Today we announce new sanctions.\n\nGod bless you."
    assert not looks_like_transcript(body, turns)


def test_empty_and_dash_only_turns_are_dropped():
    body = "MS. PSAKI:  Go ahead.\n\nQ —\n\nQ  Sorry — one more?\n\nMS. PSAKI:\n\nYes.\n"
    turns = turns_of(body)
    assert [(t.label, t.text) for t in turns] == [
        ("MS. PSAKI", "Go ahead."),
        ("Q", "Sorry — one more?"),
        ("MS. PSAKI", "Yes."),
    ]


def test_empty_body():
    assert find_turns("", [], None) == []
    assert not looks_like_transcript("", [])


def test_q_markers_with_mixed_case_names():
    body = (
        "Interview excerpt.\n\n"
        "Q: What about NATO?\n\n"
        "Lavrov: It is a Cold War relic.\n\n"
        "Q: And sanctions?\n\n"
        "Lavrov: They do not work.\n"
    )
    turns = turns_of(body)
    assert [(t.kind, t.label) for t in turns] == [
        ("question", "Q"), ("transcript", "Lavrov"), ("question", "Q"), ("transcript", "Lavrov"),
    ]


def test_rhetorical_before_after_is_not_a_speaker():
    body = (
        "Before: unemployment was high.\n\nAfter: it is low.\n\n"
        "Before: lead pipes everywhere.\n\nAfter: clean water for all.\n"
    )
    assert turns_of(body) == []


def test_answer_label():
    body = "Q: What about NATO?\n\nA: It is a relic.\n"
    turns = turns_of(body)
    assert [(t.kind, t.label) for t in turns] == [("question", "Q"), ("transcript", "A")]
    assert parse_label("A") == LabelPerson(None, "Answer", False)


def test_more_labels():
    assert parse_label("KING ABDULLAH II") == LabelPerson("Abdullah II", "King", False)
    assert parse_label("CHIEF WHITE") == LabelPerson("White", "Chief", False)
    assert parse_label("WHITE HOUSE AIDE") == LabelPerson(None, "White House Aide", True)
    assert parse_label("MR: ZIENTS") == LabelPerson("Zients", None, False)


def test_typo_split_honorific_label():
    body = "MR. ZIENTS:  Hello.\n\nQ  Question?\n\nMR: ZIENTS:  So we are going to continue.\n"
    turns = turns_of(body)
    assert [t.label for t in turns] == ["MR. ZIENTS", "Q", "MR: ZIENTS"]
    assert turns[2].text == "So we are going to continue."
    assert parse_label(turns[2].label).name == "Zients"


@pytest.mark.parametrize("title, people", [
    ("Remarks by President Biden and President Macron of France in Joint Press Conference",
     [("Biden", "President"), ("Macron", "President")]),
    ("Press Briefing by Press Secretary Jen Psaki and National Security Advisor Jake Sullivan, February 4, 2021",
     [("Jen Psaki", "Press Secretary"), ("Jake Sullivan", "National Security Advisor")]),
    ("Remarks by President Biden and First Lady Jill Biden at a Dinner",
     [("Biden", "President"), ("Jill Biden", "First Lady")]),
    ("Remarks by President Biden, Prime Minister Kishida of Japan, and President Yoon Suk Yeol of the Republic of Korea Before Trilateral Meeting",
     [("Biden", "President"), ("Kishida", "Prime Minister"), ("Yoon Suk Yeol", "President")]),
    ("Remarks by President Biden Providing an Update on Russia and Ukraine", [("Biden", "President")]),
    ("Remarks by the Vice President at a Campaign Event", []),
    ("Ukraine talks stall", []),
    # a role after the name's comma is the name's; a noon or daily briefing is a briefing
    ("Noon Briefing by Ana Costa, Spokeswoman for the Secretary-General", [("Ana Costa", "Spokeswoman")]),
    ("Daily Press Briefing by Spokesman Piet Varga", [("Piet Varga", "Spokesman")]),
])
def test_title_people(title, people):
    assert [(p.name, p.role) for p in title_people(title)] == people


def test_introduced_people():
    text = "Please welcome the President of the United States, Joe Biden. Vice President Kamala Harris is here."
    assert introduced_people(text, "President") == ["Joe Biden"]
    assert introduced_people(text, "Vice President") == ["Kamala Harris"]
    # a title-case heading is not an introduction; a surname alone is not a full name
    assert introduced_people("Remarks by President Biden Honoring the Boston Celtics", "President") == []
    # the name first, then the office itself (not a deputy's)
    assert introduced_people("Today Lena Marsh, Spokesperson for the Secretary-General, spoke.", "Spokesperson") == [
        "Lena Marsh"]
    assert introduced_people("Lena Marsh, Deputy Spokesperson for the Secretary-General", "Spokesperson") == []


def test_same_role_and_role_names():
    assert same_role("President", "President")
    assert same_role("President", "President of France")
    assert not same_role("President", "Vice President")
    assert not same_role("President", None)
    assert is_role_name("The First Lady") and is_role_name("Vice President")
    assert not is_role_name("Joe Biden") and not is_role_name("")


def test_an_interviewer_after_by_is_not_one_of_the_interviewed():
    people = title_people("Interview of Governor Amara Okafor and Tunde Adeyemi by Kemi Bello, The Morning Show")
    assert [(p.name, p.role) for p in people] == [("Amara Okafor", "Governor"), ("Tunde Adeyemi", None)]


def test_a_stage_direction_opening_a_turn_is_not_the_speakers_words():
    body = ("FOREIGN MINISTER ADEYEMI:  (Via interpreter) Thank you. We will work together.\n\n"
            "PRESIDENT OKAFOR:  (In French) Welcome to Accra.\n\n"
            "FOREIGN MINISTER ADEYEMI:  (Laughter.)\n")
    texts = [t.text for t in turns_of(body)]
    assert texts[:2] == ["Thank you. We will work together.", "Welcome to Accra."]
    assert texts[2] == "(Laughter.)"  # a turn that is only a direction keeps it


@pytest.mark.parametrize("line", ["However, the minister said: we will go.", "Washington, D.C.: the talks resumed."])
def test_a_comma_before_lower_case_words_or_a_place_is_no_name_and_office_label(line):
    from datasette_diplomacy.extract.transcripts import _mixed_label

    assert _mixed_label(line) is None


def test_parse_label_name_then_office():
    assert parse_label("Anna Berg, Spokesperson for the Ministry of Foreign Affairs") == LabelPerson(
        "Anna Berg", "Spokesperson for the Ministry of Foreign Affairs", False)


NATO_PRESS_CONFERENCE = """NATO Secretary General Tor Lien: Good afternoon. We have just finished a meeting of foreign ministers.

Ana Lupu (NATO Spokesperson): We'll go to Reuters, the lady in the second row.

Kim Berg (Reuters): Secretary General, are you expecting an agreement?

NATO Secretary General Tor Lien: I am confident that we will find a way forward.

Ana Lupu (NATO Spokesperson): Next question, Deutsche Welle.

Jon Ekker (Deutsche Welle): How long will this take?

NATO Secretary General Tor Lien: I will not set a deadline.
"""


def test_a_body_s_acronym_title_and_name_make_a_label_and_a_reporter_with_an_outlet_asks():
    turns = turns_of(NATO_PRESS_CONFERENCE)
    assert [(t.label, t.kind) for t in turns] == [
        ("NATO Secretary General Tor Lien", "transcript"),
        ("Ana Lupu (NATO Spokesperson)", "transcript"),
        ("Kim Berg (Reuters)", "question"),
        ("NATO Secretary General Tor Lien", "transcript"),
        ("Ana Lupu (NATO Spokesperson)", "transcript"),
        ("Jon Ekker (Deutsche Welle)", "question"),
        ("NATO Secretary General Tor Lien", "transcript"),
    ]
    assert turns[-1].text == "I will not set a deadline."


def test_a_spokesman_label_is_the_spokesman_the_title_names():
    from datasette_diplomacy.model import Document
    from datasette_diplomacy.pipeline import extract_document

    text = ("Noon Briefing by Piet Varga, Spokesman for the Secretary-General\n\n"
            "SPOKESMAN: Good afternoon. The Secretary-General is deeply concerned.\n\n"
            "Question: Piet, has he spoken to the President?\n\n"
            "Spokesman: He has not spoken to him today.\n")
    ex = extract_document(Document(source="x.txt", name="x", text=text, format="txt"))
    names = {s.id: s.name for s in ex.speakers}
    assert [(q.kind, names.get(q.speaker)) for q in ex.quotes] == [
        ("transcript", "Piet Varga"), ("question", None), ("transcript", "Piet Varga")]
