"""Who is who in one document: person mentions, roles, pronouns, anonymous sources.

:class:`SpeakerResolver` scans a cleaned body once and builds a table of
mentions in reading order:

* **names**, with the titles before them ("Russian Foreign Minister Sergey
  Lavrov", "Sen. Ted Cruz", "Ms Truss") and appositives after them ("Sergey
  Lavrov, Russia's foreign minister,"), which give the person's role, country
  and organisation. A capitalised sequence counts as a person when it has an
  honorific or a title, starts with a known given name (``data/names_first.yml``),
  has a role appositive, is the subject of a reporting verb, or shares the
  surname of a person already known. Spellings are merged with
  :func:`names.person_key` (Sergey/Sergei, Zelensky/Zelenskyy, Liz/Elizabeth);
  a surname shared by two people goes to the one whose honorific fits, else the
  one mentioned last.
* **role descriptions** ("the Russian foreign minister", "Moscow's top
  diplomat", "the veteran envoy", "the minister", "Madam Secretary", "UK Foreign
  Secretary"): matched against the roles and countries of the people already
  mentioned (``roles`` in ``data/speakers_roles.yml`` says which role heads a
  noun can name: a "diplomat" is a foreign minister, a foreign secretary, an
  ambassador ...); several candidates go to the most salient one (subject of the
  nearest sentence), none to None.
* **pronouns** he/she: the nearest gender-compatible person, subjects first,
  current sentence then the previous ones (mentions inside quotation marks are
  skipped: a name quoted is not an antecedent). Gender comes from honorifics,
  gendered titles, the given-name list and the pronouns that follow a person's
  mentions.

Anonymous sources ("a senior administration official"), groups ("Western
officials", "Republicans") and institutions ("the Kremlin", "Moscow", "the
campaign") are created on demand by :meth:`SpeakerResolver.resolve`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

try:
    import ahocorasick as _ahocorasick
except ImportError:  # pragma: no cover - a declared dependency; without it, the same matches more slowly
    _ahocorasick = None

from ..model import Speaker
from ..text import packaged_yaml, trie_regex
from . import gazetteer
from .names import (FIRST_NAME_GROUPS, NAME_PARTICLES, TITLE_WORDS, clean_label_name, first_name_key, fold, key_matches,
                    lone_given_key, name_tokens, person_key, surname_key)
from .quotes import RATIO_START, Layout, lowered_verbs
from .topics import _ASCII_BYTES, _PRESCAN_TABLE
from .transcripts import RANK_WORDS, same_role

# ---------------------------------------------------------------- lexicon


@dataclass
class _Lexicon:
    honorifics: dict
    titles: dict
    roles: dict
    role_gender: dict
    anonymous: set
    groups: set
    institution_words: set
    documents: set
    male: set
    female: set
    unisex: set


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    roles = packaged_yaml("data/speakers_roles.yml")
    first = packaged_yaml("data/names_first.yml")
    male = {fold(n) for n in first.get("male", [])}
    female = {fold(n) for n in first.get("female", [])}
    # every variant of a first-name group shares the gender of its members
    for group in FIRST_NAME_GROUPS:
        if any(g in male for g in group):
            male.update(group)
        elif any(g in female for g in group):
            female.update(group)
    return _Lexicon(
        honorifics={str(k): v for k, v in roles["honorifics"].items()},
        titles={str(k): v for k, v in roles["titles"].items()},
        roles={str(k): [str(x) for x in v] for k, v in roles["roles"].items()},
        role_gender={str(k): v for k, v in roles["role_gender"].items()},
        anonymous=set(roles["anonymous"]),
        groups=set(roles["groups"]),
        institution_words=set(roles["institution_words"]),
        documents=set(roles["documents"]),
        male=male,
        female=female,
        unisex={fold(n) for n in first.get("unisex", [])},
    )


@lru_cache(maxsize=8192)
def first_name_gender(word: str) -> str | None:
    lex = lexicon()
    w = fold(word)
    if w in lex.unisex:
        return None
    if w in lex.male:
        return "m"
    if w in lex.female:
        return "f"
    return None


_PEOPLE_PLURAL = re.compile(r"(?![a-z]*ments$)[a-z]{3,}(?:ers|ors|ists|ians|ants|ents|ees|smen|men)")
# plurals of that form that are things ("investments" are excluded by their -ments)
_NOT_PEOPLE = set("""
numbers orders papers letters centers centres factors sectors matters answers offers powers waters borders meters
restaurants others layers filters markers towers headquarters quarters corners chambers computers servers weathers
specimen abdomen regimen acumen
""".split())


def is_people_noun(word: str) -> bool:
    """A plural noun for people, as the head of a group that speaks: the lexicon's groups, or a plural agent
    noun by its form ("farmers", "economists", "Ukrainians", "residents", "employees")."""
    low = word.lower()
    return low in lexicon().groups or _PEOPLE_PLURAL.fullmatch(low) is not None and low not in lexicon().documents \
        and low not in _NOT_PEOPLE


def is_role_noun(word: str) -> bool:
    """A noun for someone who speaks in a role, named or not: a role ("spokesman", "minister") or an unnamed
    source's head ("aide", "official", "lawyer")."""
    lex = lexicon()
    return word in lex.roles or word in lex.anonymous


def is_party_noun(word: str) -> bool:
    """Is "his <word>" someone other than him: an institution ("office", "campaign"), a role ("spokesman") or
    people ("aides", "lawyers")? Not a document or his words ("account", "statement", "book")."""
    low = word.lower()
    lex = lexicon()
    return low not in lex.documents and (is_role_noun(low) or low in lex.institution_words or low in lex.groups)


@lru_cache(maxsize=8192)
def is_first_name(word: str) -> bool:
    lex = lexicon()
    w = fold(word)
    return w in lex.male or w in lex.female or w in lex.unisex


# ---------------------------------------------------------------- patterns

_UP = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper()) + "".join(
    chr(c) for c in range(0x370, 0x530) if chr(c).isupper()
)
_LO = "".join(chr(c) for c in range(0x61, 0x250) if chr(c).islower()) + "".join(
    chr(c) for c in range(0x370, 0x530) if chr(c).islower()
)
_U = f"[{re.escape(_UP)}]"
_L = f"[{re.escape(_LO)}]"
_ABBR_TITLES = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Maj|Adm|Prof|Rev|Hon|St|Pres|Amb)\.?"
# The rest of a capitalised word after its capital: "O'Neill" (an apostrophe, then a capital), else lower-case
# letters ("Jean-Pierre", "McCarthy"). Its runs of lower-case letters are possessive (``*+``, ``++``: never
# given back) and match as plain ones would: wherever a run ends, what may come next in the pattern either
# matches the empty string (more words are optional, and so is the end of a sequence), so the whole run is
# kept, or starts with a character that is no lower-case letter (an apostrophe, a capital, a hyphen,
# whitespace, a comma), so a shorter run cannot help. Giving nothing back spares the engine trying each
# shorter run after a failure (see tests/test_speakers_fast_paths.py)
_CAPITALISED_WORD_REST = rf"(?:{_L}*+['\u2019]{_U}{_L}+|{_L}++(?:{_U}{_L}++){{0,2}}(?:-{_U}?{_L}++)*)"
_NAME_WORD = (
    rf"(?:{_ABBR_TITLES}(?=\s)|{_U}{_CAPITALISED_WORD_REST}"
    rf"|(?:al|el|bin|ibn|ben|abu)-{_U}{_L}+|{_U}\.(?:{_U}\.)*|U\.S\.|U\.K\.|U\.N\.|E\.U\.|[A-Z]{{2,5}}(?![a-z]))"
)
_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|la|le|du|dos|das|ter|bin|ibn|al|el|y|zu|St\.|of|for)"


def _first_char_consumed(alternatives: str) -> str:
    """``alternatives`` ("Mr|Mrs|Ms", one literal each) for a pattern whose first character is already
    consumed: "r(?<=Mr)|rs(?<=Mrs)|s(?<=Ms)", the same order, each whole literal checked by a look-behind
    once its characters after the first have matched."""
    return "|".join(f"{re.escape(a[1:])}(?<={re.escape(a)})" for a in alternatives.split("|"))


# _NAME_WORD once its first character is consumed. The alternatives are the same, in the same order,
# with the first character checked by a look-behind; only "al-", "el-" ... moved to the front: they
# alone start in lower case, so no other alternative can match where they do (and lower-case a, e, b,
# i, which start many words, are turned down sooner)
_NAME_WORD_REST = (
    rf"(?:(?:{_first_char_consumed('al|el|bin|ibn|ben|abu')})-{_U}{_L}+"
    rf"|(?:{_first_char_consumed(_ABBR_TITLES[3:-4])})\.?(?=\s)"
    rf"|(?<={_U})(?:{_CAPITALISED_WORD_REST}|\.(?:{_U}\.)*)"
    rf"|{_first_char_consumed('U.S.|U.K.|U.N.|E.U.')}|(?<=[A-Z])[A-Z]{{1,4}}(?![a-z]))"
)
# (?<![\w’'-]) then a _NAME_WORD, written as: its first character (a capital, or the a/e/b/i of "al-",
# "el-", "bin-", "ibn-", "ben-", "abu-"), the look-behind one character further back, then the rest of
# the word. The same matches; but a pattern that starts with a character class lets the engine skip
# straight to the next capital (or a/e/b/i) instead of trying the look-behind at every position
_NAME_SEQ_AFTER_FIRST = (
    rf"(?<![\w\u2019'-](?s:.)){_NAME_WORD_REST}"
    rf"(?:[ \t\u00a0]+(?:{_PARTICLE}[ \t\u00a0]+){{0,2}}{_NAME_WORD}){{0,8}}"
    rf"(?:,?[ \t]+(?:Jr\.|Sr\.|II|III|IV)(?!\w))?"
)
_NAME_SEQ = re.compile(rf"[{re.escape(_UP)}aebi]{_NAME_SEQ_AFTER_FIRST}")
# _NAME_SEQ less its matches that start in lower case, each of which starts with "al-", "el-", "bin-",
# "ibn-", "ben-" or "abu-": on a text where none of these occurs (_LOWER_NAME_PREFIX finds none), the
# same matches, found sooner, as the engine no longer stops at every a, e, b and i of the text
_NAME_SEQ_CAPITAL = re.compile(rf"[{re.escape(_UP)}]{_NAME_SEQ_AFTER_FIRST}")
_LOWER_NAME_PREFIX = re.compile(
    r"-(?:(?<=al-|el-)(?<![\w\u2019'-](?s:...))|(?<=bin-|ibn-|ben-|abu-)(?<![\w\u2019'-](?s:....)))"
)
_POSS_END = re.compile(r"['\u2019]s?$")

# capitalised words that start sentences or are otherwise never part of a name
_FUNCTION = set(
    """
the a an in on at but and or nor if as after before when while however meanwhile speaking according during for
from with without by to of this that these those his her their its our my your it he she they we i there here then
now also still yet so both all some many most no not yesterday today tonight tomorrow last next earlier later
thus instead indeed although though because since unless until despite whether what which who whom whose where why
how asked asking addressing responding meeting following under over into onto against among amid between amongst
having being including regarding concerning considering referring citing noting adding explaining insisting
about above below across along around behind beyond near off out up down again once only even just ever never
further moreover furthermore besides nevertheless nonetheless otherwise regardless accordingly consequently hence
therefore subsequently afterward afterwards thereafter thereupon lastly finally first second third similarly
likewise certainly regrettably unfortunately fortunately importantly notably specifically particularly especially
clearly obviously apparently reportedly allegedly perhaps maybe surely mostly largely partly chiefly mainly
sources source officials official critics analysts experts observers supporters
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec
dear sir madam question answer note editor photo video watch read related advertisement
""".split()
)
# words that open a question or a clause and are never part of a name ("Is President Biden going ...", an
# inverted "Added Ann Lee: …")
_AUXILIARIES = set(
    """
is are was were be been am do does did done has have had having will would shall should can could may might must
given let lets let's says said tells told asks asked thanks thank welcome welcomes please
added adds stated wrote writes continued explained noted replied answered recalled argued insisted warned declared
countered
""".split()
)
# title words that cannot be inside a name: a capitalised run holding one restarts there
_NAME_TITLES = TITLE_WORDS
_COMMON_SUFFIX = re.compile(r"(?:ies|ness|tion|tions|ment|ments|ics|ity|ence|ance|ship|ology|ism|ional|ential|ical)$")


def _common_word(w: str, lower_words: set) -> bool:
    """A folded capitalised word that is a common word here, never a given name."""
    lex = lexicon()
    if w in lower_words or w in _AUXILIARIES or w in lex.titles or w in lex.roles or w in lex.anonymous \
            or w in lex.groups or w in lex.honorifics or w in _NAME_TITLES:
        return True
    if w.endswith("s") and (w[:-1] in lex.titles or w[:-1] in lex.roles or w[:-1] in lex.honorifics):
        return True  # "Doctors Walensky"
    # "Technologies", "Competitiveness", "Emerging"
    return len(w) > 6 and (_COMMON_SUFFIX.search(w) is not None or w.endswith("ing"))


# words of a headline that end a name ("Jen Psaki Aboard Air Force One En Route ...")
_HEADLINE_BREAKS = {"aboard", "en", "onboard", "upon", "via", "amid", "versus", "vs"}
# second words of a department in a title ("for Foreign Affairs", "of Homeland Security")
_DEPARTMENT_TAILS = {"affairs", "security", "services", "development", "relations", "policy", "trade", "defense",
                     "defence", "justice", "commerce", "resources", "protection", "cooperation"}
# a headline's verbs, which end the name before them ("Biden Announces Key Appointments")
_HEADLINE_VERBS = set(
    """
announces names nominates appoints signs sends hosts meets calls speaks travels delivers welcomes launches
thanks issues visits unveils urges says tells warns joins leads marks celebrates honors honours awards
approves declares releases requests proclaims designates commends congratulates condemns hails
goes gets takes makes hits slams blasts rips backs wins loses faces trails heads turns sees vows pledges rejects
defends denies accuses attacks doubles steps
""".split()
)

_CALENDAR = set(
    """
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)
_WEEKDAYS_MONTHS = _CALENDAR - {"may", "march", "june", "august", "jan", "mar", "jun", "aug"}
# months (and their abbreviations) that end names too: "Zhang Jun", "Wang Jun", "Theresa May"; a date when a
# day follows ("Jun 5")
_MONTHS_IN_NAMES = {"jun", "may", "mar", "jan"}
_DAY_AFTER = re.compile(r"\.?[ \t]+\d")
# capitalised words that belong to a role rather than to an organisation ("Foreign Minister")
_ROLE_TITLE_WORDS = set(
    """
foreign prime vice deputy defence defense interior finance home state press chief general secretary minister
special assistant under high senior acting former first grand supreme crown majority minority affairs security
national homeland treasury commerce trade health energy education transport environment economy attorney
""".split()
)

# lower-case words that may stand in a role description before a name ("former foreign minister")
_ROLE_MODIFIERS = set(
    """
former foreign prime deputy vice presidential vice-presidential vice-president republican democratic top senior chief special acting then current
incoming outgoing press defense defence interior state general secretary national security campaign
communications executive managing veteran longtime long-time new finance home justice
health trade economy economic energy environment education labor labour party majority minority assistant under
parliamentary opposition conservative liberal independent gop dem u.s. us uk eu un nato kremlin pentagon
shadow interim caretaker junior first
""".split()
)

# first words of place names ("New York", "South Carolina") that are never given names
_PLACE_STARTS = {"New", "North", "South", "East", "West", "United", "Saint", "San", "Santa", "Los", "Las", "Fort",
                 "Mount", "Lake", "Port", "Great", "Little", "Upper", "Lower", "Central", "Northern", "Southern",
                 "Eastern", "Western", "Middle", "Silicon", "Wall", "Capitol", "Air", "Supreme", "Federal", "National"}

# words that cannot be the last word of a person's name
_NON_NAME_TAIL = {
    "street", "square", "avenue", "road", "palace", "tower", "hall", "center", "centre", "building", "airport",
    "river", "sea", "ocean", "island", "islands", "mountains", "valley", "bridge", "station", "plan", "act",
    "agreement", "accord", "accords", "treaty", "memorandum", "declaration", "charter", "deal", "doctrine", "year",
    "day", "week", "war", "summit", "conference", "talks", "forum", "games", "cup", "award", "prize", "initiative",
    "project", "program", "programme", "strategy", "law", "bill", "protocol", "format", "process", "pipeline",
    "stream", "crisis", "region", "republic", "kingdom", "federation", "states", "emirates", "union", "east",
    "west", "north", "south", "county", "city", "state", "province", "district", "territory", "territories",
    "alliance", "pact", "coalition", "front", "movement", "media", "twitter", "facebook", "youtube", "instagram",
    "one", "two", "beach", "force", "guard", "corps", "army", "navy",
    # a party member described ("the Wisconsin Republican", "the Texas Democrat"): no one's surname
    "republican", "republicans", "democrat", "democrats",
    # a region's or a bloc's adjective ("Western weapons", "Arab states", "Soviet times"): no one's name
    "western", "eastern", "northern", "southern", "transatlantic", "atlantic", "soviet", "nordic", "baltic",
    "balkan", "arab", "islamic", "latin", "african", "asian", "pacific", "mediterranean", "gulf", "slavic",
}

_NONSPACE = re.compile(r"\S+")
_WORD_RUN = re.compile(r"[\w-]+")
_TWO_LOWER = re.compile(r"[a-z]{2}")
_PLURAL_OR_COMPOUND = re.compile(r"s\b|-")
_PREPOSITION_BEFORE = re.compile(r"\b(?:with|after|to|from|by|for|of|on|at|in|against|than|about|like)\s+$")
_COMMA_SPACE = re.compile(r",?[ \t]+")
_POSSESSIVE_NEXT = re.compile(r"['\u2019]s?[ \t]")
# the words between a possessor and a name: "'s chief of staff ", "'s spokesman, " (a role held by the named)
_POSSESSED_ROLE = re.compile(r"['\u2019]s?[ \t]+((?:[a-z][\w-]*[ \t]+){0,3}([a-z][\w-]*)),?[ \t]+")


def _possessed_role(body: str, start: int, end: int) -> bool:
    """Is ``body[start:end]`` a possessive and a role or description of the name after it ("'s chief of staff",
    "'s lawyer, "), not a clause ("'s campaign shrugged off", "'s article also attacked")?"""
    m = _POSSESSED_ROLE.fullmatch(body, start, end)
    if m is None:
        return False
    head, words = m.group(2), m.group(1).split()
    if words[1:2] == ["of"]:
        head = words[0]  # "chief of staff"
    return is_role_noun(head) and not any(w in _FUNCTION for w in words[:-1] if w != "of")
_CLOSES_APPOSITIVE = re.compile(r"[ \t]*(?:[,.;:)]|$)")
_INTRODUCTION = re.compile(r"(?:But|And|So|Yet|Meanwhile|However|Separately|Later|Earlier|Then|Now|Still)")
# single capitalised function words, as _NAME_SEQ finds them
_FUNCTION_CAPS = frozenset(w.capitalize() for w in _FUNCTION) | frozenset(w.upper() for w in _FUNCTION if len(w) > 1)
_SAID_BEFORE = re.compile(r"(?:[Ss]aid|[Ss]ays|according to|told)\s*$")
_OBJECT_OF_TITLE = re.compile(r"(?<![\w-])to(?:[ \t]+the)?[ \t]+$", re.IGNORECASE)
# "the Nordic Monitor said": an unknown name after "the" is an organisation's, not a person's
_THE_BEFORE = re.compile(r"(?<![\w'\u2019-])[Tt]he[ \t]+$")
_PREPOSITION_END = re.compile(r"(?<![\w'\u2019-])(?:to|with|for|at|from|of|by|in|on)[ \t]+(?:the[ \t]+)?$")
_CONTRACTION = re.compile(r"['\u2019](?:ve|ll|d|m|re)$", re.IGNORECASE)
_VOCATIVE_END = re.compile(r"(?<![\w'\u2019-])(?:Mr|Mrs|Ms|Madam|Madame|Mister|Dear)\.?[ \t]*$")
_POSS_BEFORE = re.compile(r"([A-Z][\w.]*)['\u2019]s\s+$")
# patterns of _scan and _analyse_name, compiled once (not looked up in re's cache at every call)
_TITLE_POSSESSIVE = re.compile(rf"([A-Z][\w.]*)['\u2019]s\s+({_U}{_L}+)")
_LEADING_DET = re.compile(r"^(?:the|this|that)\s+", re.I)
_POSS_S_END = re.compile(r"['\u2019]s$")
_PREP_DET_END = re.compile(
    r"\b(?:with|after|to|from|by|for|of|on|at|in|against|than|about|like|and)\s+(?:the|his|her|its|their)?\s*$")
_COMMA_END = re.compile(r",[ \t]*$")
_CLAUSE_END = re.compile(r"[^,.;:()\n]{0,60}?(?:[,.;:)]|$)")
_CONNECTIVE = re.compile(r"\b(?:of|for|with|and|or)\b")
_SAID_WHO = re.compile(r"\s+(?:said|says|told|added|who)\b")
# an opening participle or preposition phrase up to a name: "Appearing on CBS' Face the ", "In an interview with "
_OPENING_PHRASE_BEFORE = re.compile(r"(?:^|[.!?\n][ \t]*)(?:[A-Z][a-z]+ing|In|On|At|With|After|During|From|Speaking)\b"
                                    r"[^,.;:!?\n\u201c\u201d]*$")
_PREPOSITION_AND_END = re.compile(r"\b(?:by|to|with|from|of|for|about|on|at|in|against|than|and)[ \t]+$")
_OF_SPLIT = re.compile(r"\s+(?:of|for|at|to|in|from)\s+")
_POSS_S_OPT_END = re.compile(r"['\u2019]s?$")
_LEADING_LOWER_THE = re.compile(r"^the\s+")
# he, she, him, his, her, hers, himself, herself as whole words. The pattern starts with their first
# letter, and only then checks that no [\w'’] comes before it ((?<![\w'’].): the same as a leading
# (?<![\w'’]), one character later): a pattern that starts with a character class lets the engine
# skip straight to the next h or s instead of trying the look-behind at every position of the body.
# (and "He’s", "she’d", "he’ll": the pronoun of a contraction)
_HE = re.compile(r"[HhSs](?<![\w'\u2019](?s:.))(?:(?<=[Hh])(?:e|im|is|er|ers|imself|erself)|(?<=[Ss])he)"
                 r"(?:(?![\w'\u2019])|(?<=e)(?=['\u2019](?:s|d|ll)(?![\w'\u2019])))")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The written forms of the places of ``data/entities.yml`` and of the capitals ("Colorado", "New
    Hampshire", "Moscow"): a place is never a person, however it is used ("…, Colorado, said")."""
    from .entities import entity_catalogue

    return frozenset(form for (_, kind), forms in entity_catalogue().items() if kind == "place" for form in forms)


def is_place(word: str) -> bool:
    """Whether ``word`` is a country, a capital or another place the gazetteers know ("Beijing", "Ohio"): a
    place, never a person."""
    return bool(gazetteer.country_of(word)) or word in place_names()


@lru_cache(maxsize=8192)
@lru_cache(maxsize=1)
def _title_organisations() -> dict[str, tuple[tuple[str, ...], ...]]:
    """data/entities.yml's organisation names of several words, by their first folded word, longest first:
    the bodies whose name may stand before a title ("United Nations Secretary-General")."""
    from .entities import organisation_forms

    by_first: dict[str, set[tuple[str, ...]]] = {}
    for _, form in organisation_forms():
        words = tuple(fold(w).rstrip(".") for w in form.split())
        if len(words) > 1:
            by_first.setdefault(words[0], set()).add(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}


@lru_cache(maxsize=1)
def _organisation_keys() -> dict[str, str]:
    """Every spelling of data/entities.yml's organisations, folded, to the name stored for it."""
    from .entities import organisation_forms

    return {fold(form).replace(".", ""): name for name, form in organisation_forms()}


@lru_cache(maxsize=4096)
def _body_key(name: str) -> str:
    """One key for a body however it is written: "UN", "U.N." and "United Nations" are one; another name
    upper-cased, as before ("NATO")."""
    folded = fold(name).replace(".", "")
    return _organisation_keys().get(folded, name.upper())


def _organisation_before_title(toks: list, i: int, lw: str) -> int:
    """How many tokens from ``i`` are an organisation's name (maybe with one institution word after it:
    "African Union Commission") followed by a title word; 0 if none."""
    lex = lexicon()
    for words in _title_organisations()[lw]:
        n = len(words)
        if i + n >= len(toks) or any(fold(toks[i + k][2]).rstrip(".") != words[k] for k in range(1, n)):
            continue
        nxt = fold(toks[i + n][2]).rstrip(".")
        if nxt in lex.institution_words and i + n + 1 < len(toks) and fold(toks[i + n + 1][2]).rstrip(".") in lex.titles:
            n += 1
            nxt = fold(toks[i + n][2]).rstrip(".")
        if nxt in lex.titles and i + n + 1 < len(toks):
            return n
    return 0


def _lone_word(w: str) -> bool | None:
    """What :meth:`SpeakerResolver._analyse_name` finds of a sequence of the one word ``w`` (its
    possessive stripped) from the word alone: False when it turns the word down, True when the word
    is a name core that passes all its tests, None for an honorific or a title (the context decides).

    For one word that is neither an honorific nor a title, the prefix loop stops at once (no
    title, no next word), the core is the word, with no restart and no cut (both need two words);
    then come the tests on the last word and on a one-word core, all of them tests of the word:
    their verdict can be cached per word."""
    lex = lexicon()
    lw = fold(w).rstrip(".")
    if lw in lex.honorifics or lw in lex.titles:
        return None
    return not (lw in _NON_NAME_TAIL or lw in lex.institution_words
                or w.isupper() or is_place(w) or lw in _FUNCTION or lw in lex.anonymous
                or lw in lex.groups or lw in lex.documents or lw in lex.roles)


# one-word sequences that SpeakerResolver._analyse_name turns down by the word alone, whatever its context
# and document (a function word, or what _lone_word turns down: "American", "Washington"): _scan skips them
# without the call (about 40 per White House document). Filled as they are met, up to _NO_NAME_WORDS_MAX
_NO_NAME_WORDS: set[str] = set()
_NO_NAME_WORDS_MAX = 100_000


def _no_name_word(word: str) -> None:
    """:meth:`SpeakerResolver._analyse_name`'s None for the one-word sequence ``word`` that it turns down by
    the word alone: remembered in ``_NO_NAME_WORDS``."""
    if len(_NO_NAME_WORDS) < _NO_NAME_WORDS_MAX:
        _NO_NAME_WORDS.add(word)
    return None


def _poss_before(body: str, start: int) -> re.Match | None:
    """``_POSS_BEFORE.search(body, max(0, start - 20), start)``: a match ends with ['’]s and spaces,
    which a look at the characters right before ``start`` tells without the search (at 20 positions)."""
    lo = max(0, start - 20)
    j = start
    while j > lo and body[j - 1].isspace():  # \s, exactly
        j -= 1
    if j == start or j - 2 < lo or body[j - 1] != "s" or body[j - 2] not in "'\u2019":
        return None
    return _POSS_BEFORE.search(body, lo, start)


def _reporting_after(body: str, end: int) -> bool:
    """Whether ``_REPORTING_AFTER.match(body, end)`` finds a match: one starts with a space, which the
    character at ``end`` tells first (most names are followed by none, or by a comma)."""
    return end < len(body) and body[end].isspace() and _REPORTING_AFTER.match(body, end) is not None


def _said_before(body: str, start: int) -> bool:
    """Whether ``_SAID_BEFORE.search(body, max(0, start - 16), start)`` finds a match: one ends with
    said, says, to or told and maybe spaces, which the last character before the spaces tells first."""
    lo = max(0, start - 16)
    j = start
    while j > lo and body[j - 1].isspace():  # \s, exactly
        j -= 1
    if j == lo or body[j - 1] not in "dso":
        return False
    return _SAID_BEFORE.search(body, lo, start) is not None


def _ends_with_role(text: str) -> bool:
    r"""True when ``text`` ends with a role word, maybe followed by spaces and a comma ("the foreign minister, ").

    What searching ``(?<![\w-])(?:<roles>)[ \t]*,?[ \t]*$`` in ``text`` tells, but such a search
    tries the pattern at every position of the text. Read backwards, on the reversed text, the
    pattern is anchored at the start and tried once (``\n?`` stands for ``$`` matching before a
    final newline, ``(?![\w-])`` for the look-behind).
    """
    return _reversed_role_end_re().match(text[::-1]) is not None


@lru_cache(maxsize=1)
def _role_last_letter_re() -> re.Pattern:
    """A role's last letter, matched as the case-insensitive role patterns match it: what a text left
    after stripping spaces, tabs, commas and newlines off its end must end with for
    :func:`_ends_with_role` (a cheap test first)."""
    return re.compile("[" + re.escape("".join(sorted({role[-1] for role in lexicon().roles}))) + "]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _reversed_role_end_re() -> re.Pattern:
    roles = trie_regex(role[::-1] for role in lexicon().roles)
    return re.compile(r"\n?[ \t]*,?[ \t]*(?:" + roles + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_before_re() -> re.Pattern:
    # the roles as a trie, not a flat alternation longest first: the same matches (a role must end the
    # text, but for spaces and a comma, so at any one place only one role can match), in half the time
    return re.compile(r"(?:(?:the|his|her|its|their)[ \t]+)?((?:[\w\u2019'-]+[ \t]+){0,3}?("
                      + trie_regex(lexicon().roles) + r"))[ \t]*,?[ \t]*$", re.IGNORECASE)


def _role_before(before: str) -> re.Match | None:
    """``_role_before_re().search(before)``, tried only where a match can start. A match holds no newline
    (``$`` may stand before a final one) and at most :func:`_role_before_tokens` whitespace-separated
    tokens, and cannot start on whitespace: it starts after the last newline but a final one, and within
    the last tokens of ``before`` (a start further back would leave more tokens after it). The search
    would otherwise try the pattern at each of the (up to 60) characters before a name."""
    most = _role_before_tokens()
    parts = before.rsplit(None, most)
    start = len(parts[0]) if len(parts) > most else 0
    return _role_before_re().search(before, max(start, before.rfind("\n", 0, len(before) - 1) + 1))


@lru_cache(maxsize=1)
def _role_before_tokens() -> int:
    """The most whitespace-separated tokens a match of :func:`_role_before_re` holds: a determiner, three
    words, the role's words and a comma apart."""
    return 5 + max(len(role.split()) for role in lexicon().roles)


@lru_cache(maxsize=1)
def _role_head_re() -> re.Pattern:
    # a trie, not a flat alternation: the same matches, found in half the time (every role is a whole
    # word here, so the order in which the alternatives are tried cannot change the match)
    return re.compile(r"(?<![\w-])(?:" + trie_regex(lexicon().roles) + r")(?![\w-])", re.IGNORECASE)


# (?<![\w'’-])(?:(?P<det>[Tt]he|[Tt]his|[Tt]hat)[ \t]+|(?P<poss>(?:the[ \t]+)?[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?['’]s?)[ \t]+)
# then the modifiers up to the end, written as: the first letter (the t or T of a determiner, the t of "the"
# or the capital of a possessor), the look-behind one character further back, then the rest of each
# alternative, in the same order. The same matches; but a pattern that starts with a character class lets
# the engine skip straight to the next t or capital of the window instead of trying the look-behind at each
# of its positions. The det and poss groups lack that first letter: a match's det or poss starts where it does
_ROLE_NP_TAIL = re.compile(
    r"[tA-Z](?<![\w'\u2019-](?s:.))(?:(?<=[Tt])(?P<det>he|his|hat)[ \t]+"
    r"|(?P<poss>(?:(?<=t)he[ \t]+[A-Z]|(?<=[A-Z]))[\w.]*(?:[ \t]+[A-Z][\w.]*)?['\u2019]s?)[ \t]+)"
    # (a modifier ends with a full stop only as an abbreviation, "U.S.", "St.": "the meeting. Another diplomat" is two
    # sentences)
    r"(?P<mods>(?:(?!(?:and|or|of|for|with|who|which|that|said|says|to|in|on|at)[ \t])(?:[\w\u2019'.-]*[\w\u2019'-]|(?:[A-Za-z]\.)+|[A-Z][a-z]{1,2}\.)[ \t]+){0,3}?)$"
)


@lru_cache(maxsize=1)
def _lower_role_head_re() -> re.Pattern | None:
    """:func:`_role_head_re` for lower-cased text with a space put before it, case-sensitive; None if a
    role is not lower-case ASCII or does not end with a word character or a hyphen."""
    roles = lexicon().roles
    if not all(role.isascii() and role == role.lower() and re.fullmatch(r".*[\w-]", role) for role in roles):
        return None
    # the look-behind (?<![\w-]) as a consumed [^\w-] (hence the space before the text): a pattern that
    # starts with a character class lets the engine skip to the next non-word character. None of the
    # matches is lost to that consumed character: as every role ends with a [\w-] character, no match
    # of (?<![\w-]) can start where the previous one ended
    return re.compile(r"[^\w-](?:" + trie_regex(roles) + r")(?![\w-])")


def _lower_like_ignorecase(text: str) -> str | None:
    """``text.lower()`` when lower-case ASCII roles matched exactly in it (and ``[\\w-]`` tested in it) find
    what they find matched in ``text`` ignoring case; None when that cannot be told so cheaply.

    It is so when lower-casing keeps every character at its place (the same length) and every
    non-ASCII character of ``text`` matches no ASCII letter nor "-" ignoring case (as the Kelvin
    sign matches "k", the dotless i "i") and keeps whether it is a word character: ASCII characters
    lower-case to what ignoring case equates them with, and a non-ASCII character that neither
    becomes ASCII nor matches a role's letter can be no part of a role in either text ("é" in
    "Bogotá": a word character in both, so the look-arounds read it alike).
    """
    low = text.lower()
    return low if text.isascii() or _non_ascii_lower_alike(text) else None


def _non_ascii_lower_alike(text: str) -> bool:
    """For a text that is not ASCII, whether :func:`_lower_like_ignorecase` accepts it, told from its
    distinct non-ASCII characters: lower-casing the text is lower-casing each character on its own (one
    character each, but for a "Σ", whose lower case in the text, "σ" or "ς", is a letter either way), so
    the lower-cased text keeps the length and the places of its non-ASCII characters when each of them
    lower-cases to one non-ASCII character, and the characters at those places are each one and its
    lower case. This reads a few distinct characters instead of lower-casing the text and reading both
    texts through for their non-ASCII characters."""
    chars = _non_ascii_characters(text)
    if all(c.lower() == c == c.upper() for c in chars):
        return True  # no non-ASCII character has a case (curly quotes, dashes): the usual text
    for c in chars:
        lc = c.lower()
        if len(lc) != 1 or lc.isascii():
            return False  # "İ" lower-cases to two characters, the Kelvin sign to "k"
        if _ROLE_CHARACTER_IGNORECASE.fullmatch(c) or c.isalnum() != lc.isalnum():  # (\w: isalnum, or "_")
            return False
    return True


def _non_ascii_characters(text: str) -> set[str]:
    """The distinct characters of ``text`` beyond ASCII: its UTF-8 bytes less the ASCII ones (a character beyond
    ASCII is bytes of 0x80 and above only, so deleting the others leaves each whole), fewer instructions than
    a regex deleting the runs of ASCII characters between them; that regex for a text UTF-8 cannot encode (a
    lone surrogate)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return set(_ASCII_RUN.sub("", text))
    return set(data.translate(None, _ASCII_BYTES).decode("utf-8"))


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_ROLE_CHARACTER_IGNORECASE = re.compile(r"[a-z-]", re.IGNORECASE)
# lower-case words: (?<![\w'’])[a-z][a-z'’-]+, with the look-behind checked after the first letter (one
# character further back): the same matches, but the engine skips straight to the next a-z
_LOWER_WORD = re.compile(r"[a-z](?<![\w'\u2019](?s:.))[a-z'\u2019-]+")
# runs of _LOWER_WORD's matches, each one space after the one before (see _lower_case_words); the runs of
# letters are possessive, as what may follow one is a space or the end, never a character it could give back
_LOWER_WORD_RUN = re.compile(r"[a-z](?<![\w'\u2019](?s:.))[a-z'\u2019-]++(?: [a-z][a-z'\u2019-]++)*+")


def _lower_case_words(body: str) -> set[str]:
    """``set(_LOWER_WORD.findall(body))``: the words of the runs of :data:`_LOWER_WORD_RUN` in ``body``.

    The same words: after a match of ``_LOWER_WORD`` that a space follows, its next match is the word right
    after that space if there is one (the run goes on with it), else one that ``_LOWER_WORD_RUN`` finds by
    its first word too, as its search starts again where the run ended. Its words hold no space, so the runs
    joined by spaces split at the spaces into the words. About a quarter as many matches as words: fewer
    instructions than a match per word (each with its own search, string and list entry)."""
    runs = _LOWER_WORD_RUN.findall(body)
    return set(" ".join(runs).split(" ")) if runs else set()


def _role_heads(body: str, places: list[int] | None = None):
    """Matches (start, end) of :func:`_role_head_re` in ``body``.

    Case-insensitive matching costs the engine a case fold per character tried; on a
    text that :func:`_lower_like_ignorecase` accepts (nearly all), lower-casing it first
    and matching the lower-case roles exactly finds the same spans (same length, same word
    characters, and no non-ASCII character that ignoring case would equate with an ASCII
    letter, such as the Kelvin sign for "k" or the dotless i for "i"): on White House
    briefings, in about 0.3 of the 0.43 ms per document the case-insensitive search takes.

    ``places``: where a role may stand in ``body`` (more places do no harm), as the keys of
    :class:`RoleHeadKeys` found them in a pre-scan that read ``body`` already; otherwise the
    automaton of :func:`_role_head_automaton` reads it here. With places, the body need not be
    lower-cased at all: the case-insensitive pattern is tried at those few places only
    (:func:`_role_heads_at`).
    """
    lower_re = _lower_role_head_re()
    if places is not None and lower_re is not None and _role_head_automaton() is not None \
            and _lowers_like_ignorecase(body):
        return _role_heads_at(body, places)
    low = _lower_like_ignorecase(body) if lower_re is not None else None
    if low is not None:
        spaced = " " + low
        automaton = _role_head_automaton()
        if automaton is None:
            return [(m.start(), m.end() - 1) for m in lower_re.finditer(spaced)]
        # where a role may stand (see _role_head_automaton), in order; lower_re is tried there only
        if places is not None:
            starts = sorted(places)
        else:
            starts = [end - offset for end, offset in automaton.iter(
                spaced.encode("ascii", "replace").translate(_ROLE_KEY_TABLE).decode("ascii") + " ")]
            starts.sort()
        match = lower_re.match
        out = []
        pos = 0
        for start in starts:
            if start >= pos:
                m = match(spaced, start)
                if m is not None:
                    pos = m.end()
                    out.append((start, pos - 1))
        return out
    return [m.span() for m in _role_head_re().finditer(body)]


def _role_heads_at(body: str, places: list[int]) -> list[tuple[int, int]]:
    """:func:`_role_heads` from the pre-scan's ``places``, for a body that :func:`_lowers_like_ignorecase`
    accepts: the case-insensitive pattern tried at each place of the body finds what the lower-case one
    finds there in " " + the body lower-cased (its look-behind reads the character that the lower-case
    pattern consumes; the role's characters match alike), without lower-casing the body for a few places."""
    # (gap 1: the end of the lower-case pattern's match is one character further)
    return [m.span() for m in _matches_at(_role_head_re().match, body, places, gap=1)]


def _matches_at(match, body: str, places: list[int], gap: int = 0) -> list[re.Match]:
    """The matches of ``match`` (a compiled pattern's ``match``) tried at each of ``places`` in order, each one
    starting at least ``gap`` characters after the end of the one before: what ``finditer`` finds in ``body``
    when every match can start only at one of ``places``."""
    out = []
    after = 0
    for start in sorted(places):
        if start >= after:
            m = match(body, start)
            if m is not None:
                out.append(m)
                after = m.end() + gap
    return out


def _lowers_like_ignorecase(text: str) -> bool:
    """Whether :func:`_lower_like_ignorecase` accepts ``text``, told without lower-casing it (see
    :func:`_non_ascii_lower_alike`)."""
    return text.isascii() or _non_ascii_lower_alike(text)


_ROLE_KEY_TABLE = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789_-" else 32 for b in range(256))


@lru_cache(maxsize=1)
def _role_head_automaton():
    """An Aho-Corasick automaton (pyahocorasick) of where :func:`_lower_role_head_re` may match in " " + a
    lower-case text, mapped by ``_ROLE_KEY_TABLE`` (non-ASCII characters first made "?", one each: the
    offsets stay) with a space put after: every character but a-z, 0-9, "_" and "-" a space. Its keys are
    " role " so mapped: the non-[\\w-] character that the regex consumes before a role, the role, and
    the non-[\\w-] character (or the text's end) after it; every match of the regex is one of the
    places where a key is found, so trying the regex at these places, in order, finds what its finditer
    does (in about 0.6 of the time on White House briefings). Each key's value is the offset from the
    key's last character back to where the regex's match starts. None without pyahocorasick.
    """
    if _ahocorasick is None or not _ahocorasick.unicode or _lower_role_head_re() is None:
        return None
    return _roles_automaton(_ROLE_KEY_TABLE)


def _multiword_country(words: list[str]) -> str | None:
    """The country that two or three words next to each other name ("South Korean", "New Zealand",
    "Bosnia and Herzegovina"), where no single word of them does."""
    for size in (3, 2):
        for k in range(len(words) - size + 1):
            phrase = _POSS_S_END.sub("", " ".join(words[k:k + size]))
            c = gazetteer.country_of(phrase) or (phrase.islower() and gazetteer.country_of(phrase.title()))
            if c:
                return c
    return None


def _roles_automaton(table: bytes):
    """An Aho-Corasick automaton of every role as " role ", its characters mapped by ``table``; each key's
    value is the offset from its last character back to where the role's match starts."""
    automaton = _ahocorasick.Automaton()
    for role in set(lexicon().roles):
        key = " " + role.encode("ascii", "replace").translate(table).decode("ascii") + " "
        automaton.add_word(key, len(key) - 1)
    automaton.make_automaton()
    return automaton


class RoleHeadKeys:
    """The role heads' keys for the document's joint pre-scan (see
    :func:`~datasette_diplomacy.extract.topics.prescan_together`), which maps a text as the topics' keys
    see it: every character but a-z, 0-9 and "_" a space. A key is " role " so mapped (a hyphen becomes a
    space, where :func:`_role_head_automaton` keeps it); the place it gives is where the role starts,
    the start :func:`_role_heads` needs (that of the character consumed before the role in " " + the body).

    Every match of the role regex is at one of these places: the characters before and after a match
    are neither word characters nor hyphens (spaces in this mapping, as the key's first and last), and
    the role's own characters map alike in the text and in the key. There may be more places (a
    "minister-level" gives one): :func:`_role_heads` tries the regex at each.
    """

    def _automaton(self):
        """The automaton, as :func:`~datasette_diplomacy.extract.topics.prescan_together` asks each of its
        matchers; False without the role automaton."""
        return _role_head_keys_automaton()


@lru_cache(maxsize=1)
def _role_head_keys_automaton():
    roles = _role_head_automaton()
    if roles is None:
        return False
    return _roles_automaton(_PRESCAN_TABLE)


@lru_cache(maxsize=1)
def role_head_keys() -> RoleHeadKeys | None:
    """The one :class:`RoleHeadKeys` of the process (the pre-scan keeps its joint automaton per matchers);
    None when there is no role automaton."""
    return RoleHeadKeys() if _role_head_keys_automaton() is not False else None


_HE_WORDS = ("he", "him", "his", "himself", "she", "her", "hers", "herself")  # the words of _HE


class PronounKeys:
    """The pronouns' keys (those :data:`_HE` matches) for the document's joint pre-scan (see
    :class:`RoleHeadKeys`): " he ", " herself " and so on, each placed where its pronoun starts.

    Every match of :data:`_HE` is at one of these places: the character before it is no word character, nor
    an apostrophe, and the one after it either that or the apostrophe of a contraction ("he’s"), all of
    them spaces in the pre-scan's mapping, and its letters lower-case to the key's. There may be more
    places ("HE", "'she"): :func:`_pronouns` tries the pattern at each.
    """

    def _automaton(self):
        """The automaton, as :func:`~datasette_diplomacy.extract.topics.prescan_together` asks each of its
        matchers; False without pyahocorasick."""
        return _pronoun_keys_automaton()


@lru_cache(maxsize=1)
def _pronoun_keys_automaton():
    if _ahocorasick is None or not _ahocorasick.unicode:
        return False
    automaton = _ahocorasick.Automaton()
    for pronoun in _HE_WORDS:
        key = " " + pronoun + " "
        automaton.add_word(key, len(key) - 1)
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def pronoun_keys() -> PronounKeys | None:
    """The one :class:`PronounKeys` of the process; None without pyahocorasick."""
    return PronounKeys() if _pronoun_keys_automaton() is not False else None


def _pronouns(body: str, places: list[int] | None = None) -> list[re.Match]:
    """The matches of :data:`_HE` in ``body``, in order; with ``places`` (where the pre-scan found the keys
    of :class:`PronounKeys`), the pattern is tried there only, instead of read through the whole body."""
    if places is None:
        return list(_HE.finditer(body))
    return _matches_at(_HE.match, body, places)


def _possessor_of_office(poss: str) -> bool:
    """Whether a possessive before a role names a country or an international body ("Russia's", "NATO's")."""
    poss = poss.strip()
    return bool(gazetteer.country_of(poss) or _ACRONYM_POSSESSIVE.fullmatch(poss))


def _role_nps(body: str, places: list[int] | None = None):
    """Role descriptions: (start, end, det, poss, mods, head) for "the Russian foreign minister", "Moscow's top diplomat"
    (``places``: see :func:`_role_heads`)."""
    for hs, he in _role_heads(body, places):
        window_start = max(0, hs - 50)
        m = _ROLE_NP_TAIL.search(body, window_start, hs)
        if not m:
            continue
        start = m.start()
        # (the groups less their first letter: see _ROLE_NP_TAIL)
        poss = body[start:m.end("poss")] if m.start("poss") >= 0 else None
        if poss and not _possessor_of_office(poss):
            # "on Monday. Chad's ambassador", "at the U.N. Chad's ambassador": its last word alone may be
            last = max(poss.rfind(" "), poss.rfind("\t")) + 1
            m = _ROLE_NP_TAIL.search(body, start + last, hs) if last else None
            poss = body[m.start():m.end("poss")] if m and m.start("poss") >= 0 else None
            if not poss or not _possessor_of_office(poss):
                continue  # (a country's or an international body's: "Russia's foreign minister", "NATO's secretary general")
            start = m.start()
        det = body[start:m.end("det")] if m.start("det") >= 0 else None
        yield start, he, det, poss, m.group("mods") or "", body[hs:he]


_APPOSITIVE = re.compile(
    r",[^\S\n]+(?P<app>(?:(?:the|a|an|his|her|its|their)[^\S\n]+)?(?:[\w\u2019'.&-]+[^\S\n]+){0,6}?[\w\u2019'.-]+)[^\S\n]*"
    r"(?=[,.;:)]|[^\S\n]+(?:said|says|told|added|who)\b|\n|$)"  # a line's end too: "Ned Price, Department Spokesperson"
)
# words that may come between a name and its reporting verb ("has also said"), and the verbs
_REPORTED_ADVERBS = """
has had have also then later again further previously repeatedly once recently reportedly publicly privately quickly
bluntly flatly himself herself
""".split() + ["has also", "had also"]
_REPORTING_VERBS = """
said says told tells added adds noted notes argued argues stressed insisted insists warned warns claimed claims
explained announced acknowledged admitted asserted conceded confirmed declared denied emphasized emphasised suggested
recalled remarked replied responded reiterated stated tweeted wrote writes posted predicted promised pledged vowed
believes thinks wants hoped hopes complained countered continued concluded observed pointed cautioned charged alleged
maintained indicated asked urged touched highlighted answered commented mentioned met hit expressed opposed ended used
doubled went called
""".split()
# the words as tries, not flat alternations: the same strings match (and every use of these patterns
# only asks whether they match), each attempt in about half the time
_REPORTING_AFTER = re.compile(
    r"\s+(?:(?:" + trie_regex(_REPORTED_ADVERBS) + r")\s+){0,2}(?:" + trie_regex(_REPORTING_VERBS) + r")\b"
)
# a name modifying the role noun of the name after it: "Okafor consultant David Castellanos"
_NAME_AS_MODIFIER = re.compile(r"(?:['\u2019]s)?[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}(?P<noun>[a-z][\w-]*)[ \t]+(?=[A-Z])")
# "Odile Ferrant, 21, a student from Lyon, said": the report comes after an age and an appositive
_REPORTING_AFTER_APPOSITIVES = re.compile(r"(?:,[^,.;:\n\u201c\u201d\"]{1,60}){1,3}," + _REPORTING_AFTER.pattern)


# a party in a role ("the Democratic nominee"): the folded word -> how a role text says it
_PARTY_OF = {"democratic": "democrat", "democrat": "democrat", "dem": "democrat", "republican": "republican",
             "gop": "republican", "labour": "labour", "conservative": "conservative", "tory": "conservative",
             "liberal": "liberal", "green": "green", "libertarian": "libertarian"}
_PARTY_WORD = re.compile(r"\b(?:democrat|republican|gop|labour|conservative|tory|liberal|green|libertarian)", re.I)
# the plural head closing a described source (quotes.py reads it too): "the aides", "Rubio's advisers", "senior officials"
_PLACE_PREPOSITION_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:in|at|from|near|outside|across)[ \t]+$")
_DETERMINER_START = re.compile(r"(?<![\w'\u2019-])(?:[Aa]n?|[Tt]he)[ \t]")
PLURAL_HEAD = re.compile(r"(?:[a-z]{2,}[^su\W'\u2019]s|people|men|women|police|staff)$")

_NEW_PERSON_DETERMINERS = frozenset("a an one another my his her our their your".split())


def _described_gender(description: str) -> str | None:
    """The gender the first gendered role word of ``description`` gives ("a spokeswoman for the campaign": f)."""
    genders = lexicon().role_gender
    return next((genders[w] for w in map(fold, description.split()) if w in genders), None)


def _new_unnamed_person(name: str) -> bool:
    """An anonymous source that brings in one new person ("a senior Saudi official", "Iran's chief
    negotiator", "my mother"), who may be the "he" of the next sentence; not a group ("officials", "74 percent") nor a
    definite description ("the Vermont senator"), which most often stands for someone named before."""
    first = fold(name.split()[0]) if name.split() else ""
    return (first in _NEW_PERSON_DETERMINERS or first.endswith("'s")) and not PLURAL_HEAD.search(name)


_ROLE_PP_REST = re.compile(r"[ \t]+(?:to|of|for|at|in)[ \t]+[^,;\n]{1,60}")
# the body a role is of: "(the chief) of the Federal Police", "(the governor) of the Central Bank" (not "of State")
_OF_NAMED_BODY = re.compile(r"[ \t]+(?:of|at)[ \t]+the[ \t]+[A-Z]")
_FOLLOWS_NAME = re.compile(r",\s+" + _NAME_WORD + r"[ \t]+" + _NAME_WORD)

# ---------------------------------------------------------------- records


@dataclass
class _Entity:
    type: str  # person, anonymous, group, institution
    name: str
    names: list = field(default_factory=list)  # full-name surface forms
    keys: set = field(default_factory=set)
    roles: list = field(default_factory=list)
    country: str | None = None
    organisation: str | None = None
    gender_votes: dict = field(default_factory=lambda: {"m": 0.0, "f": 0.0})
    fixed_gender: str | None = None
    aliases: list = field(default_factory=list)
    id: str | None = None
    first_pos: int = 0
    strong: bool = False

    @property
    def gender(self) -> str | None:
        if self.fixed_gender:
            return self.fixed_gender
        m, f = self.gender_votes["m"], self.gender_votes["f"]
        if m > f and m >= 1:
            return "m"
        if f > m and f >= 1:
            return "f"
        return None

    def add_alias(self, alias: str | None):
        if not alias:
            return
        # a transcript label's stage note is not a name: "Sergey Lavrov (adds after Ms Truss)" -> "Sergey Lavrov"
        alias = _STAGE_NOTE.sub("", alias)
        alias = " ".join(alias.split()).strip(" ,.;:")
        low = alias.lower()
        if not alias or any(low == a.lower() for a in self.aliases):
            return
        if low in _PRONOUNS:
            return
        self.aliases.append(alias)

    def role_text(self) -> str:
        return " ".join(self.roles).lower()


_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "we", "i", "it", "who", "you", "us", "me"}
_STAGE_NOTE = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")


@dataclass
class _Mention:
    start: int
    end: int
    kind: str  # name, role, pronoun
    entity: int | None
    in_quote: bool
    sentence: int
    subject: bool = False
    gender: str | None = None  # pronoun gender, or honorific gender of a name
    text: str = ""


_mention_start = attrgetter("start")
_BARE_SHARE = re.compile(RATIO_START + r"[ \t]+(?:\d+|ten)")  # "About 4 in 10", "Six in ten"
_AGED = re.compile(r"(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old")


# ---------------------------------------------------------------- resolver


class SpeakerResolver:
    """Find and resolve the speakers of one document. See the module docstring."""

    def __init__(self, body: str, paragraphs: list[tuple[int, int]], title: str | None = None,
                 layout: Layout | None = None, role_places: list[int] | None = None,
                 pronoun_places: list[int] | None = None):
        """``layout``: the :class:`Layout` of ``body`` and ``paragraphs``, when the caller has built it;
        ``role_places``: where the keys of :class:`RoleHeadKeys` are in ``body`` (see :func:`_role_heads`),
        when the caller's pre-scan found them; ``pronoun_places``: those of :class:`PronounKeys` (see
        :func:`_pronouns`)."""
        self.body = body
        self._role_places = role_places
        self._pronoun_places = pronoun_places
        self.paragraphs = paragraphs
        self.title = title
        self.layout = layout if layout is not None else Layout(body, paragraphs)
        self._entities: list[_Entity] = []
        self._mentions: list[_Mention] = []
        self._first_mentioned: dict[int, int] = {}  # entity -> where its first mention of the table starts
        self._by_start: dict[int, int] = {}
        self._by_end: dict[int, int] = {}
        self._used: list[int] = []
        self._keyed: dict[tuple, int] = {}
        self._last_role_candidates = 0
        self._by_surname: dict[str, list[int]] = {}
        self._by_first: dict[str, list[int]] = {}
        self._in_title = False
        self._spoken: list[tuple[int, int]] = []  # (position, entity) of the quotes' resolved sources
        self._spoken_things: list[tuple[int, int]] = []  # the same for institutions and documents
        self._lower_words = _lower_case_words(body)
        self._not_names: set[tuple[str, bool]] = set()  # (sequence, in title) no name by its words: _not_a_name
        self._scan()

    # ------------------------------------------------------------ public API

    def resolve(self, surface: str, start: int, end: int) -> str | None:
        """Speaker id for the source ``body[start:end]`` of a quote; None when it cannot be told.

        A person resolved here is remembered as having spoken at ``start``: "he said"
        a few sentences on more likely means the last speaker than a bystander.
        """
        low = surface.strip().lower()
        if low in ("he", "she"):
            # resolved now, not from the scan's table: the quotes before this one are known
            idx = self._resolve_pronoun("m" if low == "he" else "f", start, self.layout.sentence_of(start),
                                        self.layout.in_quote(start))
        elif low == "it":
            idx = self._last_thing(start)
        else:
            idx = self._resolve_entity(surface, start, end)
        self._remember_source(start, idx)
        return self._use(idx)

    def _remember_source(self, start: int, idx: int | None) -> None:
        """Note that entity ``idx`` is the source of a report at ``start`` (for "he said", "it added" later)."""
        if idx is None:
            return
        typ = self._entities[idx].type
        if typ == "person" or typ == "anonymous" and _new_unnamed_person(self._entities[idx].name):
            bisect.insort(self._spoken, (start, idx))
        elif typ in ("institution", "document"):
            bisect.insort(self._spoken_things, (start, idx))

    def _last_thing(self, pos: int, max_back: int = 2) -> int | None:
        """"It" as a source ("“…,” it added") is the institution or document that last reported something,
        within ``max_back`` sentences; None when there is none (most "it" are no source at all)."""
        j = bisect.bisect_left(self._spoken_things, (pos, -1))
        if not j or self.layout.in_quote(pos):
            return None
        at, idx = self._spoken_things[j - 1]
        if self.layout.sentence_of(at) < self.layout.sentence_of(pos) - max_back:
            return None
        return idx

    def add_person(self, name: str | None, role: str | None = None, type: str = "person", alias: str | None = None) -> str | None:
        """Register (or find) a speaker named by a transcript label; returns its id."""
        idx = None
        if name:
            name = clean_label_name(name)
            words = name.split()
            folded = [fold(w).rstrip(".") for w in words]
            restart = self._core_restart(words, folded) if len(words) >= 3 else None
            if restart is not None and len(words) - restart >= 2:
                name = " ".join(words[restart:])  # "Technologies Anne Neuberger" -> "Anne Neuberger"
        if type == "person" and name:
            idx = self._find_by_name(name)
            if idx is None:
                idx = self._new_entity("person", name, strong=True)
                self._register_name(idx, name)
            if role:
                self._add_role(self._entities[idx], role)
        elif type == "person" and role:
            key = ("role", role.lower())
            idx = self._keyed.get(key)
            if idx is None:
                idx = self._find_by_role(role)
            if idx is None:
                idx = self._new_entity("person", role)
                self._add_role(self._entities[idx], role)
            self._keyed[key] = idx
        else:
            label = name or alias or role
            if not label:
                return None
            key = (type, " ".join(label.lower().split()))
            idx = self._keyed.get(key)
            if idx is None:
                idx = self._new_entity(type, " ".join(label.split()))
                if role:
                    self._add_role(self._entities[idx], role)
                self._keyed[key] = idx
        ent = self._entities[idx]
        ent.add_alias(alias)
        if name:
            ent.add_alias(name)
        return self._use(idx)

    def role_holder(self, description: str) -> str | None:
        """Speaker id of the one person this document names who holds the role ``description`` gives by its
        body, country or party ("UN chief", "Russia's foreign minister"): for a headline's speaker, read
        before the body; None when the description checks nothing or fits no one person."""
        words = description.split()
        if not words or not is_role_noun(fold(words[-1]).strip(".,")):
            return None
        det = words[0].lower() in ("the", "a", "an")
        info = {"head": fold(words[-1]).strip(".,"), "mods": [w.lower() for w in words[1 if det else 0:-1]],
                "poss": None, "text": description, "gender": None}
        return self._use(self._resolve_role(info, 0, 0, 0))

    def institution(self, name: str) -> str | None:
        """Register (or find) an institution by its whole name ("the Food and Agriculture Organization"); its id."""
        return self._use(self._keyed_entity("institution", " ".join(name.split())))

    def names_between(self, start: int, end: int) -> bool:
        """True when a person is named (by name or role, not by pronoun) within ``body[start:end]``."""
        i = bisect.bisect_left(self._mention_starts, start)
        while i < len(self._mentions) and self._mentions[i].start < end:
            if self._mentions[i].kind in ("name", "role"):
                return True
            i += 1
        return False

    def mentions_in(self, start: int, end: int) -> list[str]:
        """Ids of the people named (by name or role, not by pronoun) within ``body[start:end]``."""
        result = []
        i = bisect.bisect_left(self._mention_starts, start)
        while i < len(self._mentions) and self._mentions[i].start < end:
            m = self._mentions[i]
            if m.end <= end and m.kind in ("name", "role") and m.entity is not None:
                sid = self._use(m.entity)
                if sid not in result:
                    result.append(sid)
            i += 1
        return result

    def speakers(self) -> list[Speaker]:
        """The speakers referenced by :meth:`resolve`, :meth:`add_person` or :meth:`mentions_in`."""
        result = []
        for idx in self._used:
            e = self._entities[idx]
            role = e.roles[0] if e.roles else None
            result.append(
                Speaker(
                    id=e.id,
                    name=e.name,
                    type=e.type,
                    role=role,
                    country=e.country,
                    organisation=e.organisation,
                    gender=e.gender if e.type == "person" else None,
                    aliases=list(e.aliases),
                )
            )
        return result

    # ------------------------------------------------------------ helpers for find_quotes

    def mention_ending_at(self, pos: int) -> _Mention | None:
        i = self._by_end.get(pos)
        return self._mentions[i] if i is not None else None

    def mention_starting_at(self, pos: int) -> _Mention | None:
        i = self._by_start.get(pos)
        return self._mentions[i] if i is not None else None

    def entity_of(self, mention: _Mention) -> str | None:
        """Speaker id of a mention of the table that a quote's attribution uses (see :meth:`resolve`)."""
        if mention.kind == "pronoun" and mention.text.lower() in ("he", "she"):
            return self.resolve(mention.text, mention.start, mention.end)
        self._remember_source(mention.start, mention.entity)
        return self._use(mention.entity) if mention.entity is not None else None

    def _entity_by_id(self, speaker_id: str | None) -> _Entity | None:
        """The entity behind a speaker id this resolver handed out."""
        if speaker_id is None:
            return None
        for idx in self._used:
            if self._entities[idx].id == speaker_id:
                return self._entities[idx]
        return None

    def display_name(self, speaker_id: str | None) -> str | None:
        entity = self._entity_by_id(speaker_id)
        return entity.name if entity is not None else None

    def joint(self, surface: str) -> str | None:
        """Speaker id of several named sources reporting together ("Russia and China said"): one group
        named as the text names them, not the last of them alone."""
        return self._use(self._keyed_entity("group", " ".join(surface.split())))

    def find_speaker(self, name: str, type: str | None = "person") -> str | None:
        """Speaker id of the source this document knows as ``name`` (a person by any form of
        their name, another source by its name, an alias, or the head word of the one source
        of that type it names); None when the body never names it."""
        if type == "person":
            return self._use(self._find_by_name(name))
        folded = fold(" ".join(name.split()))
        same_head = []
        for idx, entity in enumerate(self._entities):
            if entity.type != type:
                continue
            if fold(entity.name) == folded or any(fold(alias) == folded for alias in entity.aliases):
                return self._use(idx)
            if fold(entity.name).rsplit(" ", 1)[-1] == folded.rsplit(" ", 1)[-1]:
                same_head.append(idx)
        # "Poll" for the one poll the body names ("a YouGov poll")
        return self._use(same_head[0]) if len(same_head) == 1 else None

    def speaker_type(self, speaker_id: str | None) -> str | None:
        """The type ("person", "institution", "document", …) of a speaker id handed out by this resolver."""
        entity = self._entity_by_id(speaker_id)
        return entity.type if entity is not None else None

    def subject_of_sentence(self, sent_index: int, before: int) -> _Mention | None:
        """The first mention (outside quotes) of a sentence, if it starts the sentence."""
        s, e, _ = self.layout.sentences[sent_index]
        i = bisect.bisect_left(self._mention_starts, s)
        while i < len(self._mentions) and self._mentions[i].start < min(e, before):
            m = self._mentions[i]
            if not m.in_quote:
                return m if m.subject else None
            i += 1
        return None

    def note_speaker(self, speaker_id: str | None, pos: int) -> None:
        """find_quotes tells which entity spoke at ``pos`` (raises its salience)."""
        # salience is position based; the mention table already marks speakers as subjects.
        return None

    # ------------------------------------------------------------ entity store

    def _use(self, idx: int | None) -> str | None:
        if idx is None:
            return None
        e = self._entities[idx]
        if e.id is None:
            e.id = f"s{len(self._used) + 1}"
            self._used.append(idx)
        return e.id

    def _new_entity(self, type: str, name: str, strong: bool = False, pos: int = 0) -> int:
        self._entities.append(_Entity(type=type, name=name, strong=strong, first_pos=pos))
        return len(self._entities) - 1

    def _register_name(self, idx: int, name: str):
        ent = self._entities[idx]
        tokens = name_tokens(name)
        if not tokens:
            return
        key = person_key(name)
        if key:
            ent.keys.add(key)
            # each entity once per list: the lookups skip repeats (they keep the first), so the
            # lists need not grow with every mention of a name
            surname, bar, first = key.partition("|")
            ids = self._by_surname.setdefault(surname, [])
            if idx not in ids:
                ids.append(idx)
            if bar:
                ids = self._by_first.setdefault(first, [])
                if idx not in ids:
                    ids.append(idx)
        ent.add_alias(name)
        if name not in ent.names:
            ent.names.append(name)
            # canonical: the fullest name (most words; a known first name wins ties); only this method
            # sets it, from ent.names: unchanged while the list is
            best = max(
                ent.names,
                key=lambda n: (len(name_tokens(n)), is_first_name(name_tokens(n)[0]) if name_tokens(n) else False),
            )
            ent.name = best
        if len(tokens) >= 2:
            g = first_name_gender(tokens[0])
            if g:
                ent.gender_votes[g] += 2

    def _add_role(self, ent: _Entity, role: str):
        role = " ".join(role.split()).strip(" ,.")
        if not role:
            return
        low = role.lower()
        if not ent.country:
            ent.country = _country_of_office(role)  # "President of France", "Foreign Minister of Turkey"
        if not any(r.lower() == low for r in ent.roles):
            # the most specific role first ("Foreign Minister" before "minister")
            if ent.roles and len(role) > len(ent.roles[0]) and ent.roles[0].lower() in low:
                ent.roles.insert(0, role)
            else:
                ent.roles.append(role)
        lex = lexicon()
        for word in _WORD_RUN.findall(low):
            g = lex.role_gender.get(word) or lex.titles.get(word)
            if g in ("m", "f") and not ent.fixed_gender:
                ent.fixed_gender = g

    def _find_by_name(self, name: str, pos: int | None = None, gender: str | None = None) -> int | None:
        key = person_key(name)
        if not key:
            return None
        cands = []
        for i in self._by_surname.get(key.partition("|")[0], ()):
            e = self._entities[i]
            if e.type == "person" and i not in cands and _names_person(key, e.keys):
                cands.append(i)
        if not cands and "|" in key:
            # a compound surname: "López Obrador" is the end of "Andrés Manuel López Obrador"
            tail = name_tokens(name)
            cands = [i for i in dict.fromkeys(self._by_surname.get(key.partition("|")[0], ()))
                     if self._entities[i].type == "person" and _ends_with_tokens(self._entities[i].name, tail)]
            return cands[0] if len(cands) == 1 else None
        if not cands:
            # a first name alone ("Hillary", "Wang" for Wang Yi) names the one person with that first name
            fk = lone_given_key(name)
            if fk is None:
                return None
            cands = [i for i in self._by_first.get(fk, ()) if self._entities[i].type == "person"]
            cands = list(dict.fromkeys(cands))
            if not cands:
                # a name known by an inner word of the full name: "Lula" of "Luiz Inácio Lula da Silva"
                word = name_tokens(name)
                cands = [i for i, e in enumerate(self._entities) if e.type == "person" and word[0] in _inner_tokens(e.name)]
            if len(cands) != 1:
                return None
        if len(cands) == 1:
            return cands[0]
        # several people share the surname: full keys first
        exact = [i for i in cands if key in self._entities[i].keys and "|" in key]
        if len(exact) == 1:
            return exact[0]
        if "|" not in key:
            # the one the text calls by the surname alone ("President Biden", later "his mother,
            # Jean Biden"): "Biden" is still the former
            bare = [i for i in cands if not any("|" in k for k in self._entities[i].keys)]
            if len(bare) == 1:
                return bare[0]
        if gender:
            g = [i for i in cands if self._entities[i].gender == gender]
            if len(g) == 1:
                return g[0]
            if g:
                cands = g
        if pos is not None:
            # the one mentioned last before pos
            best, best_pos = None, -1
            for m in self._mentions:
                if m.start >= pos:
                    break
                if m.entity in cands and m.kind == "name" and m.start > best_pos:
                    best, best_pos = m.entity, m.start
            return best
        return None

    def _may_be_known(self, name: str) -> bool:
        """False when :meth:`_find_by_name` surely finds nobody for ``name`` and no two people share its
        surname: its surname key names nobody known, nor (for one word) its first-name key. A test of
        two keys, where :meth:`_bind_name` would look them up with all their candidates."""
        key = person_key(name)
        if not key:
            return False
        surname, bar, _ = key.partition("|")
        if surname in self._by_surname:
            return True
        if bar:
            return False  # a given name and a surname: not one word
        fk = lone_given_key(name)
        return fk is not None and fk in self._by_first

    def _find_by_role(self, role: str) -> int | None:
        low = role.lower()
        cands = [i for i, e in enumerate(self._entities) if e.type == "person" and low in e.role_text()]
        return cands[0] if len(cands) == 1 else None

    # ------------------------------------------------------------ scanning

    def _scan(self):
        body = self.body
        layout = self.layout
        lex = lexicon()
        raw: list[tuple] = []  # (start, end, kind, payload)

        title_possessive_names = set()
        if self.title:
            for m in _TITLE_POSSESSIVE.finditer(self.title):
                if gazetteer.country_of(m.group(1)):
                    title_possessive_names.add(m.group(2))

        # 1. capitalised sequences -> name or title-only role mentions
        candidates = []
        name_seq = _NAME_SEQ if _LOWER_NAME_PREFIX.search(body) else _NAME_SEQ_CAPITAL
        for m in name_seq.finditer(body):
            word = m.group()
            if word in _FUNCTION_CAPS or word in _NO_NAME_WORDS:
                continue  # "And", "We", "The", "American": what _analyse_name turns down anyway, without the call
            cand = self._analyse_name(m.start(), m.end())
            if cand is not None:
                candidates.append(cand)

        # the title's names make people known (so "Clinton" in the body finds "Hillary Clinton")
        if self.title:
            saved_body = self.body
            # a title-case headline's verbs and function words lower-cased: "Biden Highlights Allentown" names Biden
            self.body = title = lowered_verbs(self.title)
            self._in_title = True
            try:
                for m in _NAME_SEQ.finditer(title):
                    cand = self._analyse_name(m.start(), m.end())
                    # a full name, or a surname with its title ("Remarks by President Biden")
                    if cand is not None and cand["core"] and cand["strong"] and (len(cand["core"]) >= 2 or cand["role"]):
                        found = self._find_by_name(cand["core_text"])
                        if found is None or self._another_namesake(found, cand):
                            idx = self._new_entity("person", cand["core_text"], strong=True, pos=0)
                            self._register_name(idx, cand["core_text"])
                            self._entities[idx].aliases.clear()
                            if cand["role"]:
                                self._add_role(self._entities[idx], cand["role"])
            finally:
                self.body = saved_body
                self._in_title = False
        # 2. strong names first, in order, build persons
        for cand in candidates:
            if cand["core"] and cand["strong"]:
                self._bind_name(cand, create=True)
        # 3. weaker names: attach by key, or create when the evidence is enough
        for cand in candidates:
            if cand["core"] and not cand["strong"]:
                weak_ok = (
                    cand["speech"]
                    or cand["core_text"] in title_possessive_names
                    or cand["poss_country"]
                ) and not (_THE_BEFORE.search(body, max(0, cand["core_start"] - 4), cand["core_start"])
                           and not any(is_first_name(w) for w in cand["core"])) \
                    and not (len(cand["core"]) == 1 and _PLACE_PREPOSITION_BEFORE.search(
                        body, max(0, cand["start"] - 6), cand["start"]))  # "radio in Boston and defended himself"
                self._bind_name(cand, create=weak_ok)
        # "his British counterpart, Liz Truss": the same role as the sentence's subject
        for cand in candidates:
            if cand.get("counterpart") and cand.get("entity") is not None:
                ent = self._entities[cand["entity"]]
                if ent.roles:
                    continue
                si = layout.sentence_of(cand["start"])
                ss = layout.sentences[si][0]
                for other in candidates:
                    if other is cand or other.get("entity") in (None, cand["entity"]):
                        continue
                    if ss <= other["start"] < cand["start"] and self._entities[other["entity"]].roles:
                        self._add_role(ent, self._entities[other["entity"]].roles[0])
                        break
        # names never said with a title but followed by he/she ("Kaja Kallas arrived. She said"): people
        pronouns = _pronouns(body, self._pronoun_places)  # found once: step 5 below needs them too
        pron_starts = [m.start() for m in pronouns]
        cand_starts = sorted(c["start"] for c in candidates if c["core"])
        for cand in candidates:
            if cand["core"] and cand.get("entity") is None and not cand.get("ambiguous") and 2 <= len(cand["core"]) <= 3 \
                    and cand["core"][0] not in _PLACE_STARTS and not cand["text"].startswith(tuple(_PLACE_STARTS)) \
                    and not layout.in_quote(cand["start"]) and not cand["core"][0][:1].isdigit() \
                    and _TWO_LOWER.search(layout.masked[slice(*layout.sentences[layout.sentence_of(cand["start"])][:2])]
                                  .replace(cand["text"], "")) \
                    and not any("-" in w for w in cand["core"][:1]) or False:
                j = bisect.bisect_left(pron_starts, cand["end"])
                if j < len(pron_starts):
                    ps = pron_starts[j]
                    k = bisect.bisect_right(cand_starts, cand["start"])
                    nxt_name = cand_starts[k] if k < len(cand_starts) else len(body)
                    if ps < nxt_name and layout.sentence_of(ps) <= layout.sentence_of(cand["start"]) + 1:
                        self._bind_name(cand, create=True)
        # names left unbound that share a surname with someone now known ("Odile Ferrant" ... "Ferrant said")
        for cand in candidates:
            if cand["core"] and cand.get("entity") is None and not cand.get("ambiguous") and len(cand["core"]) <= 3:
                self._bind_name(cand, create=False)
        # title-only mentions ("Russian Foreign Minister noted", "Madam Secretary"); one followed by
        # ", Name" is that person's title ("the UK Foreign Secretary, Liz Truss")
        name_at = {c["start"]: c for c in candidates if c["core"] and c.get("entity") is not None}
        for cand in candidates:
            if not cand["core"] and cand["role_head"]:
                nxt = self._following_name(cand["end"], name_at)
                if nxt is not None:
                    ent = self._entities[nxt["entity"]]
                    if cand.get("role"):
                        self._add_role(ent, cand["role"])
                    if cand.get("country") and not ent.country:
                        ent.country = cand["country"]
                    if cand.get("org") and not ent.organisation:
                        ent.organisation = cand["org"]
                    ent.add_alias(cand["text"])
                    cand["entity"] = nxt["entity"]
                    raw.append((cand["start"], cand["end"], "name", cand))
                else:
                    raw.append((cand["start"], cand["end"], "role", cand))
        for cand in candidates:
            if cand["core"] and cand.get("entity") is not None:
                raw.append((cand["start"], cand["end"], "name", cand))
            elif cand["core"] and cand.get("ambiguous"):
                raw.append((cand["start"], cand["end"], "name", cand))

        # 4. lower-case role descriptions
        name_spans = sorted((r[0], r[1]) for r in raw)
        span_starts = [a for a, _ in name_spans]
        span_max_end = []
        for _, b in name_spans:
            span_max_end.append(max(b, span_max_end[-1]) if span_max_end else b)
        for s, e, _det, poss_text, mods_text, head_text in _role_nps(body, self._role_places):
            # overlaps a name span? (spans starting before e whose furthest end passes s)
            k = bisect.bisect_left(span_starts, e)
            if k and span_max_end[k - 1] > s:
                continue
            head = head_text.lower()
            after = body[e:e + 3]
            if _PLURAL_OR_COMPOUND.match(after):  # plural or compound ("ministers", "minister-level")
                continue
            nxt = self._following_name(e, name_at)
            role_end = e
            if nxt is None and body.startswith(" ", e):
                # "Russia's ambassador to the United States, Anatoly Antonov,": the role's place, then the name
                pm = _ROLE_PLACE_AFTER.match(body, e)
                if pm is not None:
                    nxt = self._following_name(pm.end(), name_at)
                    role_end = pm.end()
            if nxt is not None and _PREPOSITION_BEFORE.search(body[max(0, s - 12):s]):
                nxt = None
            if nxt is not None:
                ent = self._entities[nxt["entity"]]
                role, country, org = _parse_role_phrase(_LEADING_DET.sub("", body[s:role_end]))
                if role:
                    self._add_role(ent, role)
                if country and not ent.country:
                    ent.country = country
                ent.add_alias(_role_alias(body[s:role_end]))
                raw.append((s, role_end, "name", {"entity": nxt["entity"]}))
                continue
            raw.append((s, e, "role", {"head": head, "mods": mods_text.lower().split(),
                                       "poss": poss_text, "text": body[s:e]}))

        # 5. pronouns
        for m in pronouns:
            w = m.group().lower()
            g = "m" if w in ("he", "him", "his", "himself") else "f"
            raw.append((m.start(), m.end(), "pronoun", {"word": w, "gender": g}))

        raw.sort(key=lambda r: (r[0], -r[1]))
        # drop mentions nested in a longer one
        filtered = []
        last_end = -1
        for r in raw:
            if r[0] < last_end:
                continue
            filtered.append(r)
            last_end = r[1]

        # gender votes: the first he/she after a name mention, before any other mention, same or next sentence
        for i, r in enumerate(filtered):
            if r[2] != "name" or r[3].get("entity") is None or layout.in_quote(r[0]):
                continue
            sent = layout.sentence_of(r[0])
            for r2 in filtered[i + 1:i + 4]:
                if layout.in_quote(r2[0]):
                    continue
                if r2[2] != "pronoun":
                    break
                if layout.sentence_of(r2[0]) > sent + 1:
                    break
                word = r2[3]["word"]
                if word in ("him", "her") and layout.sentence_of(r2[0]) == sent and (
                        word == "him" or _OBJECT_HER.match(body, r2[1])):
                    continue  # "Obama backed her up": an object in the name's own sentence is someone else
                if word in ("he", "she", "his", "her", "himself", "herself"):
                    self._entities[r[3]["entity"]].gender_votes[r2[3]["gender"]] += 1
                    break

        # 6. resolve in reading order
        for r in filtered:
            s, e, kind, info = r
            sent = layout.sentence_of(s)
            mention = _Mention(s, e, kind, None, layout.in_quote(s), sent, text=body[s:e])
            if kind == "name":
                mention.entity = info.get("entity")
                mention.gender = info.get("gender")
                if mention.entity is None and info.get("ambiguous"):
                    mention.entity = self._find_by_name(info["core_text"], pos=s, gender=info.get("gender"))
            elif kind == "pronoun":
                mention.gender = info["gender"]
                if info["word"] in ("he", "she", "him", "his", "her", "hers"):
                    mention.entity = self._resolve_pronoun(info["gender"], s, sent, mention.in_quote)
            elif kind == "role":
                mention.entity = self._resolve_role(info, s, e, sent)
                if mention.entity is not None:
                    the = _THE_BEFORE.search(body[max(0, s - 4):s])
                    self._entities[mention.entity].add_alias(_role_alias(("the " if the else "") + body[s:e]))
            self._mentions.append(mention)
            if mention.entity is not None:
                self._first_mentioned.setdefault(mention.entity, s)  # (in reading order: the first stays)
        # subjects: first mention outside quotes of each sentence, and any mention right before a reporting verb
        seen_sent = set()
        for k, m in enumerate(self._mentions):
            if m.in_quote or m.kind == "pronoun" and m.text.lower() in ("his", "its", "their"):
                continue  # "His chief aide doubled down": the possessive is not the subject, the aide is
            if m.sentence not in seen_sent:
                seen_sent.add(m.sentence)
                ss = layout.sentences[m.sentence][0]
                lead = layout.masked[ss:m.start].strip()
                # the sentence's first mention is its subject when nothing but an introduction precedes it
                if (not lead or lead.endswith(",") and "“" not in lead and len(lead) < 80
                        or _INTRODUCTION.fullmatch(lead)) or _reporting_after(body, m.end):
                    nxt = self._mentions[k + 1] if k + 1 < len(self._mentions) else None
                    mod = _NAME_AS_MODIFIER.match(body, m.end)
                    if mod and nxt is not None and nxt.start == mod.end() and nxt.kind == "name" \
                            and is_role_noun(mod.group("noun")):
                        nxt.subject = True  # "Okafor consultant David Castellanos said": Castellanos is the subject
                    elif m.kind == "name" and nxt is not None and nxt.kind == "name" and nxt.sentence == m.sentence \
                            and not nxt.in_quote and _possessed_role(body, m.end, nxt.start):
                        # "Zelenskiy's chief of staff Andriy Yermak said": the aide is the subject, not his boss
                        nxt.subject = True
                    else:
                        m.subject = True
            elif _reporting_after(body, m.end):
                m.subject = True
        self._index_mentions()

    def _index_mentions(self) -> None:
        self._mention_starts = [m.start for m in self._mentions]
        self._by_start.clear()
        self._by_end.clear()
        for i, m in enumerate(self._mentions):
            self._by_start[m.start] = i
            self._by_end[m.end] = i

    def _add_subject_mention(self, idx: int, start: int, end: int) -> None:
        """Make a person first met as a quote's subject ("Yin Thet May, 60, a doctor, said") a mention of the
        table, so that a later "she said" can find them; the pronoun right after the verb ("said she was")
        votes for their gender, as the scan's votes do for the names it finds."""
        k = bisect.bisect_left(self._mention_starts, start)
        if k < len(self._mentions) and self._mentions[k].start < end or k and self._mentions[k - 1].end > start:
            return  # overlaps a mention the scan found
        layout = self.layout
        sent = layout.sentence_of(start)
        self._mentions.insert(k, _Mention(start, end, "name", idx, layout.in_quote(start), sent, subject=True,
                                          text=self.body[start:end]))
        if start < self._first_mentioned.get(idx, end):
            self._first_mentioned[idx] = start
        self._index_mentions()
        nxt = self._mentions[k + 1] if k + 1 < len(self._mentions) else None
        if nxt is not None and nxt.kind == "pronoun" and nxt.sentence == sent and not nxt.in_quote \
                and nxt.gender in ("m", "f") and nxt.text.lower() in ("he", "she"):
            self._entities[idx].gender_votes[nxt.gender] += 1

    def _analyse_name(self, start: int, end: int) -> dict | None:
        """Split a capitalised sequence into title prefix and name core; judge whether it is a person."""
        body = self.body
        lex = lexicon()
        text = body[start:end]
        words = text.split()
        if words == [text]:
            toks = [(start, end, text)]  # most sequences are one word: no need to split them
        elif (text, self._in_title) in self._not_names:
            return None  # turned down before by its words alone ("White House", "Press Secretary")
        else:
            # the words with their offsets: what _NONSPACE.finditer(body, start, end) finds (str.split
            # cuts at the same whitespace), each found after the last, past the whitespace only
            toks = []
            pos = 0
            for w in words:
                i = text.index(w, pos)
                pos = i + len(w)
                toks.append((start + i, start + pos, w))
        if len(toks) == 1:
            lw0 = fold(toks[0][2]).rstrip(".")
            if "'" in lw0:  # (fold makes ’ a ')
                lw0 = _CONTRACTION.sub("", lw0)  # "I’ve", "We’ll": the pronoun
            if lw0 in _FUNCTION:
                return _no_name_word(text)
            if lw0 in self._lower_words and not _reporting_after(body, end):
                return None  # a capitalised common word ("However", "Speaking")
        # strip possessive from the last token ("Lavrov's")
        poss = False
        if toks and toks[-1][2][-2:] in ("'s", "\u2019s") and _POSS_END.search(toks[-1][2]):
            s_, e_, w_ = toks[-1]
            toks[-1] = (s_, e_ - 2, w_[:-2])
            poss = True
        lone = _lone_word(toks[0][2]) if len(toks) == 1 else None
        if lone is False:
            return _no_name_word(text)  # what the tests below decide for this word, whatever its context
        if len(toks) > 1 and " ".join(t[2] for t in toks) in place_names():
            return None  # "New Hampshire", "South Carolina"
        prefix: list[tuple] = []
        i = 0
        gender = None
        country = None
        org = None
        has_title = False
        titled_surname = False
        role_words = []
        while i < len(toks) and not lone:  # (a lone name word would stop at once: no title)
            w = toks[i][2]
            lw = fold(w).rstrip(".")
            if lw in _FUNCTION and not prefix and i == 0 and len(toks) > 1 and not (
                    lw in _MONTHS_IN_NAMES and is_first_name(lw) and not w.endswith(".")):  # "Jan Egeland"
                i += 1
                start = toks[i][0] if i < len(toks) else end
                continue
            if lw in ("of", "for") and prefix and i + 1 < len(toks):
                # "Secretary of State", "Minister for Foreign Affairs", "President of Russia"
                if role_words:
                    role_words.append(lw)
                prefix.append(toks[i])
                i += 1
                continue
            if prefix and i + 2 < len(toks) and not is_first_name(w) and (
                    fold(prefix[-1][2]) in ("of", "for")
                    or len(prefix) >= 2 and fold(prefix[-2][2]) in ("of", "for") and lw in _DEPARTMENT_TAILS):
                # the department of "Secretary of Transportation Pete Buttigieg", "Minister for Foreign
                # Affairs Penny Wong" belongs to the title
                role_words.append(w)
                prefix.append(toks[i])
                i += 1
                continue
            if lw in lex.honorifics:
                g = lex.honorifics[lw]
                gender = g or gender
                has_title = True
                prefix.append(toks[i])
                i += 1
                continue
            if (role_words or prefix) and lw in _OFFICE_OF_TITLE and i + 2 < len(toks) \
                    and fold(toks[i + 1][2]).rstrip(".") in lex.titles:
                # "Russian Foreign Ministry Spokeswoman Maria Zakharova", "U.S. District Judge James C. Cacheris":
                # the ministry, the court's district, is part of the title
                role_words.append(w)
                prefix.append(toks[i])
                i += 1
                continue
            if lw in lex.titles and i == len(toks) - 1 and prefix and lw not in _VOCATIVE_OFFICES \
                    and fold(prefix[-1][2]).rstrip(".") in lex.honorifics:
                titled_surname = True
                break  # "Mr. King", "Ms. Bishop": a title word alone after an honorific is a surname
            if lw in lex.titles:
                # "State" in "Secretary of State" handled by the particle-free pattern; keep going
                g = lex.titles[lw]
                if g in ("m", "f"):
                    gender = g
                if lw in lex.roles or lw in ("sen", "rep", "gov", "gen", "senator", "governor", "secretary",
                                             "minister", "president", "chancellor", "mayor", "ambassador",
                                             "judge", "pope", "king", "queen", "prince", "princess", "speaker",
                                             "premier", "spokesman", "spokeswoman", "spokesperson",
                                             "chairman", "chairwoman", "director", "envoy", "commissioner",
                                             "congressman", "congresswoman", "leader", "representative",
                                             "emir", "sheikh", "admiral", "adm", "col", "colonel", "lt",
                                             "captain", "capt", "general", "sultan", "cardinal", "ayatollah",
                                             "imam", "rabbi", "archbishop", "bishop", "mp", "mep", "nominee",
                                             "candidate", "justice", "attorney", "councillor", "councilor",
                                             "undersecretary", "marshal", "sgt", "sergeant", "commander", "maj"):
                    has_title = True
                    role_words.append(w.rstrip("."))
                elif lw in _TITLE_QUALIFIERS:
                    role_words.append(w.rstrip("."))
                else:  # party / organisation adjectives (Republican, NATO, UN); "UK", "US" name a country
                    c = gazetteer.country_of(w)
                    if c:
                        country = country or c
                    elif w.isupper() and len(w) > 1:
                        org = org or w
                prefix.append(toks[i])
                i += 1
                continue
            c = gazetteer.country_of(w)
            if c is None and i + 2 < len(toks) and fold(toks[i + 2][2]).rstrip(".") in lex.titles \
                    and not is_first_name(w):
                pair = _multiword_country([w, toks[i + 1][2]])
                if pair:
                    # "South Korean President Yoon Suk Yeol", "New Zealand Prime Minister Chris Hipkins"
                    country = country or pair
                    prefix.extend(toks[i:i + 2])
                    i += 2
                    continue
            if c and i + 1 < len(toks) and not (is_first_name(w) and len(toks) - i == 2):
                # "Russian Foreign Minister", "UK Foreign Secretary", "Kremlin spokesman"; but "Chad Wolf",
                # "Jordan Peterson": a given name before a surname
                country = country or c
                if lw in lex.institution_words:
                    org = org or w
                prefix.append(toks[i])
                i += 1
                continue
            if w.isupper() and len(w) > 1 and i + 1 < len(toks) and fold(toks[i + 1][2]).rstrip(".") in lex.titles:
                org = org or w  # "NATO Secretary General"
                prefix.append(toks[i])
                i += 1
                continue
            n = _organisation_before_title(toks, i, lw) if lw in _title_organisations() else 0
            if n:
                # "United Nations Secretary-General António Guterres", "World Health Organization Director-General
                # Tedros …", "African Union Commission Chairperson Moussa Faki": the body's name, then the title
                org = org or " ".join(t[2] for t in toks[i:i + n])
                prefix.extend(toks[i:i + n])
                i += n
                continue
            break
        core = toks[i:]
        # up to the last "return None" below, only this test and the one of a lone word above read the text
        # around the sequence: without them, a sequence of several words turned down is no name wherever
        # it comes, and is not analysed again (see _not_a_name)
        by_words = len(toks) > 1
        if prefix and role_words and _OBJECT_OF_TITLE.search(body, max(0, prefix[0][0] - 12), prefix[0][0]):
            # "Chief Medical Adviser to the President Ruth Mensah": the title names whom she advises
            role_words = []
            by_words = False
        # "of State" after Secretary, "of Russia" after Minister: the sequence pattern does not join "of"
        role_head = None
        for rw in reversed(role_words):
            if fold(rw) in lex.roles or fold(rw) in ("sen", "rep", "gov", "gen", "secretary", "minister"):
                role_head = fold(rw)
                break
        if not core:
            if not role_head:
                return self._not_a_name(text, by_words)
            ptext = " ".join(t[2] for t in prefix)
            pc = _poss_before(body, prefix[0][0])
            if pc and not country:
                country = gazetteer.country_of(pc.group(1))  # "Russia's Foreign Secretary": Russia's
            return {"start": prefix[0][0], "end": prefix[-1][1], "core": [], "core_text": "", "strong": False,
                    "role_head": role_head, "role": " ".join(role_words), "country": country, "gender": gender,
                    "org": org, "text": ptext, "head": role_head, "mods": [fold(w) for w in role_words], "poss": None}
        words = [t[2] for t in core]
        folded = [fold(w).rstrip(".") for w in words]
        if not lone:  # a lone name word passes all these tests (see _lone_word)
            # a name never starts with a verb or a common word, nor holds a title: "Is President Biden",
            # "Given Vice President Harris", "Transportation Pete Buttigieg" (of "Secretary of Transportation
            # Pete Buttigieg"), "Doctors Fauci" -> start again where the title or the name begins
            restart = self._core_restart(words, folded)
            if restart is not None:
                return self._analyse_name(core[restart][0], end)
            # nor ends with a headline's verb or preposition: "Biden Laying Out", "Jen Psaki Aboard Air Force One"
            if len(words) >= 2 and not any(is_first_name(w) for w in words) and all(
                    _common_word(w, self._lower_words) for w in folded):
                return self._not_a_name(text, by_words)  # "International Economics" (of "Director for …"): no name
            cut = self._core_cut(words, folded)
            if cut is not None:
                core = core[:cut]
                end = core[-1][1]
                poss = False
                words = words[:cut]
                folded = folded[:cut]
            # reject: organisations, places, all-caps acronyms, country names
            if folded[-1] in _NON_NAME_TAIL or folded[-1] in lex.institution_words:
                return self._not_a_name(text, by_words)
            if len(core) == 1 and (words[0].isupper() or gazetteer.country_of(words[0]) or folded[0] in _FUNCTION
                                   or folded[0] in lex.anonymous or folded[0] in lex.groups
                                   or folded[0] in lex.documents or folded[0] in lex.institution_words
                                   or folded[0] in lex.roles and not titled_surname):
                return self._not_a_name(text, by_words)
            if len(words) >= 2 and gazetteer.country_of(" ".join(words)):
                return self._not_a_name(text, by_words)  # "Costa Rica", "Sierra Leone": a country, not a person
            if any(gazetteer.country_of(w) and not is_first_name(w) and not (w is words[-1] and len(words) >= 2
                                                                           and is_first_name(words[0]))
                   for w in words):  # "Russian Foreign Ministry", but "David French" is a name
                return self._not_a_name(text, by_words)
            if any(w in _FUNCTION and not (len(words[k]) == 2 and words[k][1] == ".")  # an initial: "James A. Baker"
                   and not (k == len(words) - 1 and w in _MONTHS_IN_NAMES and not _DAY_AFTER.match(body, end))
                   for k, w in enumerate(folded[1:], 1)):
                return self._not_a_name(text, by_words)
            if all(w.isupper() for w in words):
                return self._not_a_name(text, by_words)
        core_start, core_end = core[0][0], core[-1][1]
        core_text = body[core_start:core_end]
        if len(core) == 1 and folded[0] in self._lower_words_set():
            # a capitalised common word ("Speaking", "Truss" is fine unless "truss" occurs in lower case)
            if not has_title:
                return self._not_a_name(text, by_words)
        strong = has_title
        if len(core) >= 2 and is_first_name(words[0]) and not words[0].isupper():
            strong = True
            g = first_name_gender(words[0])
            gender = gender or g
        # lower-case role before: "presidential nominee Donald Trump", "the foreign minister, Sergey Lavrov"
        before = body[max(0, start - 60):start]
        lm = None
        ext_start = None
        if _role_last_letter_re().fullmatch(before.rstrip(" \t,\n")[-1:]) and _ends_with_role(before):
            lm = _role_before(before)
        role_phrase = None
        if lm:
            # keep only the modifiers right before the role noun
            mods = lm.group(1).split()[:-1]
            keep = []
            for w in reversed(mods):
                base = _POSS_S_END.sub("", w)
                if fold(w) in _ROLE_MODIFIERS or gazetteer.country_of(base) or (w[:1].isupper() and fold(w) not in _FUNCTION):
                    keep.insert(0, w)
                else:
                    break
            phrase = " ".join(keep + [lm.group(2)])
            pre = body[max(0, start - 60):start][: -len(lm.group(0))] if lm.group(0) else ""
            prep_before = _PREP_DET_END.search(body[max(0, start - 80):start - len(lm.group(0)) + len(lm.group(1)) - len(phrase)])
            # "After his meeting with the Russian leader, Macron told": after a comma the name must close an
            # appositive (", Liz Truss." / ", Liz Truss, said"), not start a clause
            if prep_before and _COMMA_END.search(before) and not _CLAUSE_END.match(
                    body[end:end + 2] if end < len(body) else ""):
                lm = None
        if lm and _COMMA_END.search(before) and _POSSESSIVE_NEXT.match(body, end):
            lm = None  # "The Union Leader, New Hampshire's largest paper": the name owns the next phrase
        if lm and _VOCATIVE_END.search(before, 0, len(before) - len(lm.group(0))):
            lm = None  # "Mr. President, Apple store workers …": an address, not "the president, Name"
        if lm and not _CONNECTIVE.search(phrase) and not prefix:
            lm_phrase = phrase
            role_phrase = lm_phrase
            strong = True
            for w in role_phrase.split():
                c = gazetteer.country_of(_POSS_S_END.sub("", w))
                if c:
                    country = country or c
            country = country or _multiword_country(role_phrase.split())  # "South Korean President"
            counterpart = "counterpart" in role_phrase.lower()
            if not counterpart:
                role_words = role_words or [w for w in role_phrase.split() if not gazetteer.country_of(_POSS_S_END.sub("", w))]
            # "spokesman Stuart Roy": a role right before the name (no comma) is part of the mention
            if not _COMMA_END.search(before) and before.endswith(lm.group(0)):
                role_start = start - len(lm.group(0)) + lm.group(0).find(phrase) if phrase in lm.group(0) else None
                if role_start is not None and role_start >= 0:
                    ext_start = role_start
        # appositive after: ", Russia's foreign minister," / ", the White House press secretary,"
        app = None
        comma_after = body.startswith(",", end)  # what _APPOSITIVE and _REPORTING_AFTER_APPOSITIVES start with
        am = _APPOSITIVE.match(body, end, min(len(body), end + 120)) if comma_after else None
        if am and not poss and _SAID_WHO.match(body[am.end():am.end() + 8]) and (
                _PREPOSITION_AND_END.search(body[max(0, start - 12):start])
                or _OPENING_PHRASE_BEFORE.search(body, max(0, start - 80), start)):
            # "was raised by Truss, the foreign minister said", "Appearing on Face the Nation, the front-runner
            # said": the name closes a phrase, the description after its comma is the subject
            am = None
        if am and not poss:
            ap = am.group("app")
            head_part = _OF_SPLIT.split(ap, maxsplit=1)[0]
            heads = _WORD_RUN.findall(head_part.lower())
            follows_name = _FOLLOWS_NAME.match(body, am.end(), am.end() + 60)
            if heads and (heads[-1] in lex.roles or heads[-1] in lex.titles and heads[-1] not in (
                    "former", "acting", "state", "house", "press", "first", "general", "us", "uk", "eu", "un")) \
                    and not follows_name and not any(h in ("who", "which", "that") for h in heads):
                app = ap
                strong = True
        # (a strong name is a person whether or not it speaks: _scan reads "speech" of the others only)
        speech = not strong and (_reporting_after(body, end) or _said_before(body, start) or comma_after and bool(
            _REPORTING_AFTER_APPOSITIVES.match(body, end, min(len(body), end + 200))))
        pc = _poss_before(body, start)
        poss_country = bool(pc and gazetteer.country_of(pc.group(1)))
        return {
            "start": ext_start if ext_start is not None else (prefix[0][0] if prefix else core_start),
            "end": core_end,
            "core": words,
            "core_text": core_text,
            "core_start": core_start,
            "strong": strong,
            "speech": speech,
            "poss_country": poss_country,
            "role_head": role_head,
            "role": " ".join(role_words) if role_words else None,
            "appositive": app,
            "counterpart": bool(role_phrase) and "counterpart" in role_phrase.lower(),
            "country": country,
            "org": org,
            "gender": gender,
            "text": body[prefix[0][0] if prefix else core_start:core_end],
        }

    def _not_a_name(self, text: str, by_words: bool) -> None:
        """:meth:`_analyse_name`'s None for the sequence ``text``; ``by_words``: told by its words alone
        (and this document's lower-case words), so that the sequence is turned down at once next time."""
        if by_words:
            self._not_names.add((text, self._in_title))
        return None

    def _core_restart(self, words: list, folded: list) -> int | None:
        """Index where a person's name (or its title) really starts in a capitalised run, or None."""
        if len(words) < 2:
            return None
        lex = lexicon()
        for j in range(1, len(words) - 1 if len(words) > 2 else 1):
            if folded[j] in _HEADLINE_BREAKS or folded[j] in _FUNCTION:
                break  # "Biden During Press Gaggle": a title after a headline's preposition is not his
            if folded[j] in _NAME_TITLES or folded[j] in lex.honorifics:
                return _title_start(folded, j)  # "Is President Biden", "Honorable President Biden", "Miami Mayor …"
        if folded[0] in _NAME_TITLES:
            return 1  # "President-Elect Biden", "Coordinator Zients": a title the lexicon lacks
        # each word's test only when it is needed: most runs ("Joe Biden") end at the first word
        lower_words = self._lower_words
        if not _common_word(folded[0], lower_words) or is_first_name(words[0]) and folded[0] not in _AUXILIARIES:
            return None
        for j in range(1, len(words)):
            if not _common_word(folded[j], lower_words) or is_first_name(words[j]):
                # "Transportation Pete Buttigieg" -> "Pete Buttigieg"; "Doctors Fauci" -> "Fauci" (all the
                # words before j are common ones: the loop got this far)
                return j if is_first_name(words[j]) else _title_start(folded, j)
        return None

    def _core_cut(self, words: list, folded: list) -> int | None:
        """Length of the name in a capitalised run that goes on into a headline ("Biden Laying Out")."""
        for j in range(1, len(words)):
            w = folded[j]
            if w in ("of", "from"):
                return j  # "Sen. Maria Okafor of Vermont": the place is not part of the name
            if w in _HEADLINE_BREAKS or w in _HEADLINE_VERBS or (w.endswith("ing") and len(w) > 5 and (
                    w in self._lower_words or self._in_title) and not is_first_name(words[j])):
                return j
        return None

    def _following_name(self, end: int, name_at: dict) -> dict | None:
        m = _COMMA_SPACE.match(self.body[end:end + 4])
        if not m:
            return None
        cand = name_at.get(end + m.end())
        if cand is not None and "," in m.group():
            # a comma-separated name must close an appositive, not open a clause ("with the leader, Macron told")
            if not _CLOSES_APPOSITIVE.match(self.body[cand["end"]:cand["end"] + 2]):
                return None
        return cand

    def _lower_words_set(self):
        return self._lower_words

    def _bind_name(self, cand: dict, create: bool):
        name = cand["core_text"]
        if not create and not self._may_be_known(name):
            return  # most capitalised words: nobody to bind them to, none to make them ambiguous
        idx = self._find_by_name(name, gender=cand.get("gender"))
        if idx is None and cand.get("role") and len(cand["core"]) == 1:
            idx = self._given_name_with_title(name, cand["role"])
        if idx is not None and self._another_namesake(idx, cand):
            idx = None
            if not create:
                return
        if idx is None:
            key = person_key(name)
            ambiguous = False
            if key and "|" not in key:
                # surname only: several people with it -> decided at resolution time by recency
                same = {i for i in self._by_surname.get(key, ()) if self._entities[i].type == "person"}
                ambiguous = len(same) > 1
            if ambiguous:
                cand["ambiguous"] = True
                return
            if not create:
                return
            idx = self._new_entity("person", name, strong=cand["strong"], pos=cand["start"])
        cand["entity"] = idx
        ent = self._entities[idx]
        self._register_name(idx, name)
        if len(cand["core"]) == 1 and cand.get("gender") and cand["text"] != name:
            ent.add_alias(cand["text"])  # "Ms Truss"
        if cand.get("gender") and cand["text"] != name and not ent.fixed_gender:
            # honorific or gendered title
            ent.fixed_gender = cand["gender"]
        if cand.get("role"):
            self._add_role(ent, cand["role"])
            ent.add_alias(_title_alias(cand))
        if cand.get("appositive"):
            ap = cand["appositive"]
            role, country, org = _parse_role_phrase(ap)
            if role:
                self._add_role(ent, role)
            if country and not ent.country:
                ent.country = country
            if org and not ent.organisation:
                ent.organisation = org
            ent.add_alias(ap)
        if cand.get("country") and not ent.country:
            ent.country = cand["country"]
        if cand.get("org") and not ent.organisation:
            ent.organisation = cand["org"]
        if cand.get("poss_country") and not ent.country:
            pm = _POSS_BEFORE.search(self.body[max(0, cand["start"] - 20):cand["start"]])
            if pm:
                ent.country = gazetteer.country_of(pm.group(1))

    def _given_name_with_title(self, name: str, title: str) -> int | None:
        """The one person called ``name`` as a given name who also holds ``title``: "Sheikh Khalid" after "Sheikh
        Khalid bin Nasser Al Sabah" and "Crown Prince Khalid bin Omar", where the given name alone is ambiguous."""
        fk = lone_given_key(name)
        if fk is None:
            return None
        cands = [i for i in dict.fromkeys(self._by_first.get(fk, ())) if self._entities[i].type == "person"
                 and any(same_role(title, r) for r in self._entities[i].roles)]
        return cands[0] if len(cands) == 1 else None

    def _another_namesake(self, idx: int, cand: dict) -> bool:
        """True when the full name ``cand`` is someone else than the titled surname ``idx``.

        A text that first calls a person by title and surname ("President Biden") and
        later gives a full name with no title ("his granddaughter Natalie Biden") is
        naming a relative or namesake; the full name joins the titled surname only when
        it comes with the same role ("Foreign Minister Sergey Lavrov") or came first.
        """
        key = person_key(cand["core_text"]) or ""
        ent = self._entities[idx]
        if "|" not in key or not ent.roles or any("|" in k for k in ent.keys):
            return False
        role = cand.get("role") or (_parse_role_phrase(cand["appositive"])[0] if cand.get("appositive") else None)
        if role:
            # "President Biden and First Lady Jill Biden": another office, another person
            return not any(same_role(role, r) or same_role(r, role) for r in ent.roles)
        return ent.first_pos < cand["start"]

    # ------------------------------------------------------------ resolution

    def _salient_order(self, pos: int, sent: int, max_back: int = 4, subjects: bool = False):
        """Entities of mentions before pos: current sentence left to right, then earlier sentences.

        Yields ``(entity, sentence)``, or ``(entity, sentence, is_subject)`` with ``subjects``."""
        seen = []
        # mentions are appended in reading order: start right before pos (the ones from pos on are
        # all skipped, and none of them ends the walk), then walk backwards by sentence
        mentions = self._mentions
        by_sent: dict[int, list[_Mention]] = {}
        for j in range(self._mentions_before(pos) - 1, -1, -1):
            m = mentions[j]
            if m.sentence < sent - max_back:
                break
            if m.start >= pos or m.in_quote or m.entity is None:
                continue
            by_sent.setdefault(m.sentence, []).append(m)
        for s in range(sent, sent - max_back - 1, -1):
            ms = by_sent.get(s)
            if not ms:
                continue  # a sentence with no mention: nothing to yield
            ms.reverse()  # (a list of this walk's own)
            subj = [m for m in ms if m.subject]
            rest = [m for m in ms if not m.subject]
            for m in subj + rest:
                if m.entity not in seen:
                    seen.append(m.entity)
                    yield (m.entity, s, m.subject) if subjects else (m.entity, s)

    def _mentions_before(self, pos: int) -> int:
        """How many mentions start before ``pos`` (the table is in reading order, also while it is built)."""
        return bisect.bisect_left(self._mentions, pos, key=_mention_start)

    def _last_speaker(self, gender: str, pos: int, sent: int, max_back: int = 6) -> int | None:
        """The person who last spoke before ``pos`` (within ``max_back`` sentences), if of ``gender`` or of a
        gender not known ("…,” said Will Doyle. … he said": Doyle, not a man who spoke before him)."""
        j = bisect.bisect_left(self._spoken, (pos, -1))
        if not j:
            return None
        at, idx = self._spoken[j - 1]
        e = self._entities[idx]
        if self.layout.sentence_of(at) < sent - max_back or e.gender not in (gender, None) \
                or e.type != "person" and e.type != "anonymous":
            return None
        described = _described_gender(e.name) if e.type == "anonymous" else None
        if described in ("m", "f") and described != gender:
            return None  # "a campaign spokeswoman" is no "he"
        return idx

    def _resolve_pronoun(self, gender: str, pos: int, sent: int, in_quote: bool) -> int | None:
        if in_quote:
            return None
        unknown = None
        unknown_subject = None  # (entity, sentence) of a subject of unknown gender met first
        speaker = self._last_speaker(gender, pos, sent)
        for idx, s, is_subject in self._salient_order(pos, sent, subjects=True):
            if speaker is not None and s < sent - 1:
                if unknown_subject is not None:
                    speaker = unknown_subject[0]  # "Putin thought he could …. He thought": the last sentence's subject
                return self._assumed(speaker, gender)  # nobody of that gender in this or the last sentence: the last speaker
            e = self._entities[idx]
            if e.type != "person":
                continue
            g = e.gender
            if g == gender:
                if unknown_subject is not None and (unknown_subject[1] == s and not is_subject
                                                    or unknown_subject[1] > s):
                    # "Armstrong Williams, Carson's friend, suggested …. “…,” he told the AP": the subject,
                    # whose gender we do not know, not a man the sentence only mentions; nor one met only
                    # before that subject's sentence ("…, Mindy Romero said. … “…,” she said": not Clinton)
                    unknown = unknown_subject[0]
                    break
                return idx
            if g is None and unknown is None:
                unknown = idx
                if is_subject:
                    unknown_subject = (idx, s)
        if unknown is not None:
            return self._assumed(unknown, gender)
        if speaker is not None:
            # no one named in the last sentences at all: the last speaker ("Pakistan's foreign minister said …. He
            # called on the council …"), as when the walk above meets only older mentions
            return self._assumed(speaker, gender)
        # nothing near: the last person of that gender within the last 12 sentences, else of unknown gender
        for idx, s in self._salient_order(pos, sent, max_back=12):
            e = self._entities[idx]
            if e.type == "person" and e.gender == gender:
                return idx
            if e.type == "person" and e.gender is None and unknown is None:
                unknown = idx
        return self._assumed(unknown, gender) if unknown is not None else None

    def _assumed(self, idx: int, gender: str) -> int:
        """``idx``, that a pronoun of ``gender`` stands for: one vote for that gender when its own is unknown."""
        e = self._entities[idx]
        if e.gender is None:
            e.gender_votes[gender] += 1
        return idx

    def _role_info(self, m: _Mention) -> dict:
        words = m.text.split()
        det = words[0].lower() in ("the", "this", "that")
        pc = _poss_before(self.body, m.start)
        poss = pc.group(1) if pc and gazetteer.country_of(pc.group(1)) else None  # "Russia's Foreign Secretary"
        return {"head": fold(words[-1]).strip(".,"), "mods": [w.lower() for w in words[1 if det else 0:-1]], "poss": poss,
                "text": m.text}

    def _resolve_role(self, info: dict, pos: int, end: int, sent: int) -> int | None:
        lex = lexicon()
        self._last_role_candidates = 0
        head = info["head"]
        mods = tuple(fold(w).strip(".,") for w in info.get("mods", []))
        country = None
        poss = info.get("poss")
        if poss:
            country = gazetteer.country_of(poss.strip())
        for w in mods:
            c = gazetteer.country_of(w) or gazetteer.country_of(w.capitalize()) or gazetteer.country_of(w.upper())
            if c:
                country = country or c
        country = country or _multiword_country([w.strip(".,") for w in info.get("mods", [])])  # "the South Korean leader"
        # the role text may be a title with its own country ("UK Foreign Secretary")
        if info.get("country"):
            country = country or info["country"]
        gender = info.get("gender") or lex.role_gender.get(head) or self._gender_after(end)
        targets = tuple(lex.roles.get(head, [head]))
        if not targets:
            return None
        qualifiers = [w for w in mods if w in ("foreign", "defence", "defense", "prime", "interior", "finance",
                                                 "home", "vice", "deputy", "press", "health", "trade", "justice",
                                                 # "the Senate minority leader" is no president
                                                 "senate", "house", "minority", "majority", "opposition", "union")]
        if any(w.startswith("vice-") for w in mods) and "vice" not in qualifiers:
            qualifiers.append("vice")  # "the vice-presidential nominee"
        parties = [_PARTY_OF[w] for w in mods if w in _PARTY_OF]
        # the body it names ("the UN chief", "the NATO chief"): not the head of another one
        bodies = {_body_key(w) for w in _ACRONYM.findall(info.get("text") or "") if not gazetteer.country_of(w)}
        if info.get("org"):
            bodies.add(_body_key(info["org"]))
        cands = []
        for i, e in enumerate(self._entities):
            if e.type != "person" or not e.roles:
                continue
            if not (_holds_any_office(tuple(e.roles), targets, mods) or head in _GENERIC_ROLE_HEADS and any(
                    t in e.role_text() for t in targets)):
                continue  # ("the diplomat" is any diplomat, a deputy foreign minister too)
            if qualifiers and head not in ("diplomat", "envoy") and not all(q in e.role_text() for q in qualifiers):
                continue
            if parties and _PARTY_WORD.search(e.role_text()) and not any(
                    _PARTY_OF[w.lower()] in parties for w in _PARTY_WORD.findall(e.role_text())):
                continue  # "the Democratic candidate" is not "Republican front-runner Donald Trump"
            if country and e.country and e.country != country:
                continue
            if bodies and e.organisation and _body_key(e.organisation) not in bodies:
                continue
            if bodies and not e.organisation and any(
                    _body_key(w) not in bodies for w in _ACRONYM.findall(" ".join(e.roles)) if not gazetteer.country_of(w)):
                continue  # "UN chief António Guterres" is not "the NATO chief"
            if gender and e.gender and e.gender != gender:
                continue
            cands.append(i)
        if country:
            exact = [i for i in cands if self._entities[i].country == country]
            cands = exact or [i for i in cands if not self._entities[i].country]
        self._last_role_candidates = len(cands)
        if not cands:
            return None
        if len(cands) > 1:
            # "the minister" with a Foreign Minister and a Foreign Secretary about: the role that says the
            # head word itself beats one that the head only stands for
            for phrase in (" ".join(qualifiers + [head]), head):
                said = _whole_word_re(phrase)
                literal = [i for i in cands if said.search(self._entities[i].role_text())]
                if literal:
                    cands = literal
                    break
        # the candidates mentioned before pos
        first_mentioned = self._first_mentioned
        cands_before = [c for c in cands if first_mentioned.get(c, pos) < pos]
        if len(cands_before) == 1:
            return cands_before[0]
        # one candidate named only later: the description must say something we checked against its role
        # ("Russia's foreign minister"), not only a word we cannot check ("the Vermont senator")
        checked = bool(country or qualifiers or parties or bodies)  # ("the UN chief": the body checked)
        if len(cands) == 1 and not cands_before and (checked or not self._named_later(cands[0], pos)):
            return cands[0]
        for idx, _ in self._salient_order(pos, sent, max_back=6):
            if idx in cands_before:
                return idx
        if not cands_before and not checked and all(self._named_later(c, pos) for c in cands):
            self._last_role_candidates = 0  # nobody known here holds the role: as if none did
        return None

    def _named_later(self, idx: int, pos: int) -> bool:
        """True when the entity is first named after ``pos`` (and not in the title): "the senator said" before
        "Sen. Claire McCaskill" is introduced refers back to someone else."""
        ent = self._entities[idx]
        if ent.first_pos <= pos:
            return False
        surname = ent.name.split()[-1]
        return not (self.title and re.search(r"\b" + re.escape(surname) + r"\b", self.title))

    def _resolve_entity(self, surface: str, start: int, end: int) -> int | None:
        lex = lexicon()
        m = self.mention_starting_at(start)
        if m is not None and m.end <= end + 1 and m.entity is not None and not (m.kind == "pronoun" and m.end < end - 1) \
                and not (m.kind in ("name", "role") and m.end < end and _PEOPLE_AROUND.fullmatch(self.body, m.end, end)):
            # but "His chief aide" is not "His", and "Clinton advisers" / "Trump's aides" are not the candidate
            return m.entity
        if m is not None and m.kind == "role" and m.entity is None and (
                m.end == end or _ROLE_PP_REST.fullmatch(self.body, m.end, end)):  # "Chad's ambassador to France"
            idx = self._resolve_role(self._role_info(m), start, end, self.layout.sentence_of(start))
            if idx is None and self._last_role_candidates == 0:
                # someone else's aide ("the prime minister's spokesman") is not the person just named
                # (a role of a body named after it is someone new: "The chief of the Federal Police said")
                of_body = _OF_NAMED_BODY.match(self.body, m.end, end) is not None
                if not _INNER_POSSESSIVE.search(m.text) and not of_body:
                    idx = self._roleless_subject(start, self.layout.sentence_of(start), self._role_info(m)["head"],
                                                 self._gender_after(end))
                    if idx is not None:
                        self._entities[idx].add_alias(_role_alias(m.text))
                        return idx
                if re.match(r"(?:the|a|an)\s|[A-Z][\w.-]*['\u2019]s?\s", m.text, re.I):
                    # "the minister", "Chad's ambassador": an official nobody named (or described before)
                    described = self._described_before(m.text)
                    # ("the chief of the Federal Police": the description whole)
                    return described if described is not None else self._keyed_entity(
                        "anonymous", _role_alias(self.body[start:end] if of_body else m.text))
            return idx
        m = self.mention_ending_at(end)
        if m is not None and m.start >= start and m.entity is not None and not (
                m.start > start and _PREPOSITION_END.search(self.body, start, m.start)):
            return m.entity  # not the object of "a spokesman for Ann Lee"
        # a mention inside the span (the head of "Sergey Lavrov, Russia's foreign minister")
        i = bisect.bisect_left(self._mention_starts, start)
        if i < len(self._mentions) and self._mentions[i].start < end and self._mentions[i].kind != "pronoun":
            inner = self._mentions[i]
            text_before = self.body[start:inner.start].strip().lower()
            if text_before in ("", "the", "a", "an") and inner.entity is not None and not (
                    inner.kind in ("name", "role") and inner.end < end and _PEOPLE_AROUND.fullmatch(self.body, inner.end, end)):
                return inner.entity
        text = " ".join(surface.split()).strip(" ,.")
        low = text.lower()
        if not text:
            return None
        sent = self.layout.sentence_of(start)
        if low in ("he", "she", "him", "her"):
            g = "m" if low in ("he", "him") else "f"
            return self._resolve_pronoun(g, start, sent, self.layout.in_quote(start))
        if low in ("who",):
            return self._resolve_relative(start)
        if low == "which" and _COMMA_END.search(self.body, max(0, start - 3), start):
            # "the Communications Workers of America, which endorsed Sanders": an organisation or a text,
            # never a person
            idx = self._resolve_relative(start)
            return idx if idx is not None and self._entities[idx].type in ("institution", "group", "document") else None
        if low in ("everyone", "everybody", "someone", "somebody", "nobody", "anyone", "anybody", "no one", "none",
                   "all", "both", "each", "either", "neither", "many", "most", "some", "others", "few", "several"):
            return None
        low = _CONTRACTION.sub("", low)  # "I’ve said all along": the pronoun, no name
        if low in ("they", "we", "i", "it", "you", "one", "them", "us", "this", "that", "which"):
            if low == "they":
                subject = self._plural_subject_before(start)
                if subject is None:
                    subject = self._named_pair_before(start)
                return subject if subject is not None else self._resolve_they()
            return None  # "it", "we", "I"...: an unnamed or unresolvable source is no speaker
        if low.split(" ", 1)[0] in _LEADING_PREPOSITIONS:
            return None  # "Despite polls showing …", "Alongside BLM calls for …": a phrase, nobody speaking
        if _BARE_SHARE.fullmatch(text.strip()):
            return self._keyed_entity("anonymous", text.strip())  # "About 4 in 10 say": a share of respondents
        # institutions and places standing for a state
        words = re.findall(r"[\w\u2019'.&-]+", text)
        lwords = [fold(w).strip(".'\u2019") for w in words]
        # "all of the candidates", "most of the senators": a quantifier's "of" phrase names the group
        det = lwords[0] if lwords and lwords[0] in ("the", "a", "an", "one", "some", "several", "two", "three", "many",
                                                    "other", "another", "his", "her", "their", "its", "our") or (
            len(lwords) > 2 and lwords[0] in ("all", "most") and lwords[1] == "of") else None
        if det is None and len(words) > 1 and re.search(r"\w['\u2019]s?$", words[0]) and not words[0].startswith(("It", "it")):
            det = "poss"  # "Clinton's confidants": a possessive determines the phrase
        content = lwords[1:] if det else lwords
        if not content:
            return None
        head = content[-1]
        head_pos = len(words) - 1
        # "a spokesman for the Clinton campaign": head before the preposition
        for k, w in enumerate(content):
            after = content[k + 2:k + 3] if content[k + 1:k + 2] and content[k + 1].endswith("ly") else content[k + 1:k + 2]
            if k > 0 and (w.endswith(("ed", "ing")) or w in _IRREGULAR_PARTICIPLES) and after and after[0] in (
                    "by", "on", "in", "at", "from", "for", "to", "with", "over", "during", "after", "before", "last",
                    "this", "earlier", "late", "early",
                    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"):
                # "a survey released on Tuesday", "a source speaking to Reuters", "documents reported
                # previously by The Post": the head is before it
                w = "on"
            if w == "in" and k > 0 and _is_count(content[k - 1]) and content[k + 1:k + 2] and _is_count(content[k + 1]):
                continue  # "six in 10 voters": a share, its head comes later
            if w == "of" and k > 1 and content[k - 1] == "out" and _is_count(content[k - 2]) \
                    and content[k + 1:k + 2] and _is_count(content[k + 1]):
                continue  # "four out of 10 voters"
            if w in ("for", "of", "at", "with", "from", "in", "on", "to", "by", "who", "which", "that") and k > 0:
                # "a diplomat familiar with the talks": the adjective heading the modifier is not the head
                k -= 1 if k > 1 and content[k - 1] in _POST_MODIFIER_ADJECTIVES else 0
                head = content[k - 1]
                head_pos = (1 if det else 0) + k - 1
                break
        head_phrase = " ".join(words[: head_pos + 1])
        rest = " ".join(words[head_pos + 1:])
        text = re.sub(r"['\u2019]s?$", "", text) if re.search(r"[A-Za-z]['\u2019]s?$", text) and len(words) <= 3 else text
        country = gazetteer.country_of(text) or gazetteer.country_of(re.sub(r"^(?:the|The)\s+", "", text))
        is_capital = bool(re.match(r"^(?:the\s+|The\s+)?[A-Z]", text))
        if country and (is_capital or low.startswith("the ")) and not any(w in lex.anonymous or w in lex.groups for w in content):
            return self._keyed_entity("institution", re.sub(r"^the\s+", "the ", text, flags=re.I), country=country)
        if head in lex.documents and (det or head.endswith("s") or head in _MASS_DOCUMENTS) \
                and words[head_pos] != "Post":  # "the Washington Post" is a paper, "a post" a document
            # "the statement read", "according to a new poll": the document is the source
            return self._keyed_entity("document", re.sub(r"^(?:The|A|An)\b", lambda mm: mm.group().lower(), text))
        whose = _WHOSE_BEFORE.search(self.body, max(0, start - 8), start) if det is None and (
            head in lex.institution_words or head in lex.anonymous
            or head in ("spokesman", "spokeswoman", "spokesperson")) else None
        if whose is not None:
            # "Benjamin Netanyahu, whose government has long opposed", "the ministry, whose spokesman said": the
            # government or the spokesman of the one "whose" stands for
            owner = self._resolve_relative(whose.start())
            if owner is not None and self._entities[owner].type in ("person", "institution"):
                return self._keyed_entity("institution" if head in lex.institution_words else "anonymous",
                                          f"{self._entities[owner].name}'s {text}")
        if head in lex.anonymous or head in ("spokesman", "spokeswoman", "spokesperson") or (
                det in ("the", "a", "an") and _AGED.fullmatch(head)):  # "the 70-year-old said"
            org = _org_from(rest) if rest else None
            mods = content[:-1] if head == content[-1] else content[: content.index(head)]
            qualified = any(w[:1].isupper() for w in words[(1 if det else 0):head_pos]) or any(
                gazetteer.country_of(w) for w in words) or any(w[:1].isupper() for w in words[head_pos + 1:])
            plural = head.endswith("s") and head not in ("analysis",)
            typ = "group" if plural and qualified else "anonymous"
            name = re.sub(r"^(?:The|A|An)\b", lambda mm: mm.group().lower(), text)
            if det in ("the",) and not plural:
                # "the official" refers back to an earlier anonymous source with that head
                for i, e in reversed(list(enumerate(self._entities))):
                    if e.type == "anonymous" and e.name.split()[-1:] == [head]:
                        return i
            idx = self._keyed_entity(typ, name)
            ent = self._entities[idx]
            if org and not ent.organisation:
                ent.organisation = org
            c = next((gazetteer.country_of(w) for w in words if gazetteer.country_of(w)), None)
            if c and not ent.country:
                ent.country = c
            return idx
        if head in lex.groups or low in lex.groups or (det or head.endswith(("s", "men"))) and is_people_noun(head) \
                and (not words[head_pos][:1].isupper()  # "Reuters reported": a name, not a plural of people
                     # "Developers see …", "Friends of Mr. Lee say …": capitalised only because it opens the sentence
                     or head_pos == 0 and head not in lex.institution_words
                     and self.layout.sentences[self.layout.sentence_of(start)][0] == start):
            return self._keyed_entity("group", re.sub(r"^(?:The)\b", "the", text))
        if det == "the" and head in lex.institution_words and len(content) == 1:
            # "the ministry said" after "India's foreign ministry said": the institution named before with that head
            for i, e in reversed(list(enumerate(self._entities))):
                name = fold(e.name).split()
                if e.type == "institution" and name[-1:] == [head] and name[0] not in ("a", "an", "one", "another"):
                    return i
        if head in lex.institution_words and det in ("his", "her") and len(words) > 1:
            # "His office later said": the office of the man "his" is, named so ("Karol Nawrocki's office")
            owner = self._resolve_pronoun("m" if det == "his" else "f", start, sent, self.layout.in_quote(start))
            if owner is not None and self._entities[owner].type == "person":
                idx = self._keyed_entity("institution", f"{self._entities[owner].name}'s {' '.join(words[1:])}")
                self._entities[idx].add_alias(text)
                return idx
        if head in lex.institution_words or (words and words[-1].isupper() and len(words[-1]) > 1):
            return self._keyed_entity("institution", re.sub(r"^(?:The)\b", "the", text), country=country)
        # role description not in the table
        if head in lex.roles:
            if det in ("a", "an", "one", "another"):
                # "a Democratic senator said" brings in someone new, never the senator named before
                return self._keyed_entity("anonymous", re.sub(r"^(?:A|An|One|Another)\b", lambda mm: mm.group().lower(), text))
            idx = self._resolve_role({"head": head, "mods": content[:-1], "poss": None}, start, end, sent)
            if idx is None and self._last_role_candidates == 0 and det == "the":
                # "the gambling tycoon" with nobody of that role named: a described, unnamed speaker
                described = self._described_before(text)
                return described if described is not None else self._keyed_entity(
                    "anonymous", re.sub(r"^(?:The|A|An)\b", lambda mm: mm.group().lower(), text))
            return idx
        # a capitalised name not in the table (never a month, a weekday or another function word: "in late August found")
        if lwords and all(w in _WEEKDAYS_MONTHS for w in lwords):
            return None  # "a letter Monday making it clear": a day is nobody ("May" may be Theresa May)
        if words and words[-1][:1].isupper() and not det and all(w in _CALENDAR for w in lwords) and re.search(
                r"\b(?:in|since|until|by|late|early|mid|last|next|this|of|on|through)[ \t]+$", self.body[max(0, start - 12):start]):
            return None
        if words and words[-1][:1].isupper() and not det:
            if len(words) > 1 and lwords[0] in _AUXILIARIES:
                return None  # "Stated Poe: …": an inverted verb, then a name the scan did not take
            idx = self._find_by_name(text, pos=start)
            if idx is not None:
                return idx
            toks = name_tokens(text)
            if toks and all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in words) and len(words) <= 5:
                looks_personal = (len(words) == 1 and not words[0].isupper()) or (
                    2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() or re.fullmatch(r"[A-Z]\.?", w) for w in words)
                    and (is_first_name(words[0]) or (
                        words[0] not in _PLACE_STARTS and not any(fold(w).strip(".") in _NON_NAME_TAIL for w in words))))
                if not looks_personal or fold(words[-1]) in lex.institution_words:
                    # "Politico", "Breitbart News", "New York": an organisation (or a place) speaking
                    return self._keyed_entity("institution", text)
                idx = self._new_entity("person", text, pos=start)
                self._register_name(idx, text)
                ms = start + len(surface) - len(surface.lstrip())
                self._add_subject_mention(idx, ms, ms + len(surface.strip().rstrip(" ,.")))
                return idx
        if det == "the" and words and words[-1][:1].isupper():
            return self._keyed_entity("institution", re.sub(r"^(?:The)\b", "the", text))
        if det and re.search(r"\u201d[ \t]*,?[ \t]*(?:[a-z]+[ \t]+)?$", self.layout.masked[max(0, start - 12):start]):
            # right after a quotation ("…,” said the woman): a described speaker
            return self._keyed_entity("anonymous", re.sub(r"^(?:The|A|An)\b", lambda mm: mm.group().lower(), text))
        return None

    def _gender_after(self, end: int) -> str | None:
        """The gender a possessive after the next verb gives a subject ending at ``end``: "the candidate
        repeated his promise" is a man, "the senator defended her record" a woman."""
        m = _VERB_POSSESSIVE_AFTER.match(self.body, end)
        return None if m is None else "m" if m.group(1).lower() == "his" else "f"

    def _roleless_subject(self, pos: int, sent: int, head: str, gender: str | None = None) -> int | None:
        """"the New York businessman said": the person who was just the subject, when nobody has a role that fits."""
        gender = lexicon().role_gender.get(head) or gender
        # (a subject: "In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic candidate
        # said" is not Scarborough)
        for idx, s, is_subject in self._salient_order(pos, sent, max_back=2, subjects=True):
            e = self._entities[idx]
            if e.type != "person" or not is_subject:
                continue
            if e.roles or (gender and e.gender and e.gender != gender):
                return None
            # only someone surely a person (a first name or a title): not "Super Bowl" met as a subject
            return idx if e.strong else None
        return None

    def _described_before(self, text: str) -> int | None:
        """The unnamed person a definite description refers back to: "the minister" after "Turkey's defence
        minister said" is the last anonymous source with that head and all of the description's modifiers."""
        words = fold(" ".join(text.split())).split()
        if len(words) < 2 or words[0] != "the":
            return None
        head, mods = words[-1], set(words[1:-1])
        for i in range(len(self._entities) - 1, -1, -1):
            e = self._entities[i]
            if e.type == "anonymous":
                known = fold(e.name).split()
                if known[-1:] == [head] and mods <= set(known) and _new_unnamed_person(e.name):
                    return i
        return None

    def _keyed_entity(self, typ: str, name: str, country: str | None = None) -> int:
        key = (typ, fold(name).replace("the ", "", 1) if typ == "institution" else fold(name))
        idx = self._keyed.get(key)
        if idx is None:
            idx = self._new_entity(typ, name)
            self._keyed[key] = idx
            if country:
                self._entities[idx].country = country
        self._entities[idx].add_alias(name)
        return idx

    def _resolve_relative(self, start: int) -> int | None:
        # "Zelenskyy, who said ..." -> the mention right before ", who"
        before = self.body[max(0, start - 3):start]
        pos = start
        while pos > 0 and self.body[pos - 1] in " ,":
            pos -= 1
        m = self.mention_ending_at(pos)
        if m is not None:
            return m.entity
        # "Senator Jeff Flake, Republican of Arizona, who …": the name before an appositive (a noun phrase: in
        # "Ann Lee, which pleased the donors who …" a clause, the donors no appositive on Lee)
        am = _APPOSITIVE_BEFORE.search(self.body, max(0, pos - 80), pos)
        if am is not None and _CLAUSE_WORD.search(am.group()):
            am = None
        if am is not None:
            m = self.mention_ending_at(am.start())
            if m is not None and m.kind == "name":
                return m.entity
        # an anonymous NP before: take the generic route
        mm = _NP_BEFORE_RELATIVE.search(self.body, max(0, pos - 80), pos)
        if mm:
            # not back over a sentence end: "… and is honest. Voters who say …" is "Voters"
            np = _SENTENCE_BREAK.split(mm.group(1))[-1]
            rel = list(_CLAUSE_WORD.finditer(np))
            if rel:
                np = np[rel[-1].end():].lstrip()  # "which pleased the donors who": the donors
                dets = list(_DETERMINER_START.finditer(np))
                if dets:
                    np = np[dets[-1].start():]
                elif not np:
                    return None
            nm = _NAME_AFTER_VERB.search(np)
            if nm is not None:
                np = nm.group(1)  # "Macron met Scholz, who said": the phrase right before, not the sentence's subject
            pm = _PREPOSITION_THEN_DET.match(np)
            if pm:
                np = np[pm.end():]  # "a reversal for the Wisconsin Republican, who had pledged": the phrase's object
            else:
                np = self._without_leading_preposition(np, pos)
            dets = list(_DETERMINER_START.finditer(np))
            if dets and dets[0].start() > 0 and _GERUND.search(np, 0, dets[-1].start()):
                # "defend not paying an architect who said", "all but begging a woman who claimed": the gerund's
                # object ("a spokesman representing the family who" keeps its head)
                np = np[dets[-1].start():]
            idx = self._resolve_entity(np, pos - len(np), pos)
            dets = list(_DETERMINER_START.finditer(np)) if idx is None else ()
            if dets and dets[-1].start() > 0:
                np = np[dets[-1].start():]  # "came from a voter, who said": the noun phrase is "a voter"
                idx = self._resolve_entity(np, pos - len(np), pos)
            if idx is not None and self._entities[idx].type == "institution" and "," in self.body[max(0, pos - 120):pos - len(np)]:
                # "Alan Berger, a gynecologist from Englewood, New Jersey, who said": "who" is a person, the
                # one named before the place in apposition
                person = self._person_before(pos - len(np), 120)
                if person is not None:
                    return person
            return idx
        return None

    def _without_leading_preposition(self, np: str, pos: int) -> str:
        """The phrase ``np`` (ending at ``pos``) before a relative, from its last preposition on: "of" joins the
        head before it ("a coalition | of fishermen and dockworkers who"); after any other preposition the phrase
        is its object ("relies on | farmers who"), and after "to" with its verb ("to persuade | Lund's supporters
        who"). Not after a role or a capitalised word, whose preposition is part of the title ("the Minister for
        Europe who", "the envoy to Oslo who"), nor after people ("opponents on the left who")."""
        last = None
        for last in _PREPOSITION_IN_PHRASE.finditer(np):
            pass
        if last is None or last.end() >= len(np):
            return np
        if last.group(1) == "of":
            if last.start() > 0:
                return np
            head = _HEAD_BEFORE_OF.search(self.body, max(0, pos - len(np) - 40), pos - len(np))
            return self.body[head.start(1):pos] if head is not None else np[last.end():]
        before = np[:last.start()].split()
        if before and (before[-1][:1].isupper() or is_role_noun(before[-1].lower()) or is_people_noun(before[-1])):
            return np  # (nor after people: "opponents on the left who")
        if last.group(1) in ("in", "at", "from") and not np[last.end()].islower():
            return np  # "voters in Manchester who", "6 in 10 voters who": a place, a share
        return np[last.end():]

    def _person_before(self, pos: int, within: int) -> int | None:
        """The entity of the last person named (by name) before ``pos`` in its sentence, at most ``within``
        characters back, with no quotation between."""
        sent = self.layout.sentence_of(pos)
        i = bisect.bisect_left(self._mention_starts, pos) - 1
        while i >= 0:
            m = self._mentions[i]
            if m.start < pos - within or self.layout.sentence_of(m.start) != sent or m.in_quote:
                return None
            if m.kind == "name" and m.entity is not None and self._entities[m.entity].type == "person":
                return m.entity
            i -= 1
        return None

    def _plural_subject_before(self, pos: int) -> int | None:
        """The people who are the subject of the sentence that "they" at ``pos`` continues: "Senate Democrats
        blocked the bill because they said …", "Aides met on Friday, and they agreed …"."""
        ss = self.layout.sentences[self.layout.sentence_of(pos)][0]
        text = self.layout.masked[ss:pos]
        at = 0
        opening = _CLAUSE_OPENING.match(text)
        if opening and not _PLURAL_SUBJECT.match(text):
            at = opening.end()  # "On Friday, Senate Democrats blocked …"
        m = _PLURAL_SUBJECT.match(text, at)
        if m is None or not is_people_noun(m.group(2)):
            return None
        first = m.group(1).split()[0].lower()
        if first in _NOT_SUBJECT_OPENING or first in _LEADING_PREPOSITIONS:
            return None  # "While many analysts …", "With Nusra fighters playing …": no subject of the sentence
        if re.search(r"\b(?:they|them|their)\b|[^\w\s\u2019'.]", m.group(1), re.I):
            return None  # nor one with a dash ("NEW YORK - Presidential campaigns")
        if any(is_people_noun(w) for w in re.findall(r"[A-Za-z]+", text[m.end(1):])):
            return None  # "Economists looked at firms in which some managers hired those they thought …": not sure
        return self._resolve_entity(m.group(1), ss + m.start(1), ss + m.end(1))

    def _named_pair_before(self, pos: int) -> int | None:
        """The two people named together as the subject opening the sentence before the one "they" at ``pos``
        opens: "Professors Foner and Alba suggest …  In the United States, they write, …"; None otherwise."""
        sent = self.layout.sentence_of(pos)
        ss = self.layout.sentences[sent][0]
        if sent == 0 or _CLAUSE_OPENING.fullmatch(self.layout.masked, ss, pos) is None and self.body[ss:pos].strip():
            return None  # "they" does not open its sentence (nor after an opening phrase: "In Europe, they …")
        ps, pe = self.layout.sentences[sent - 1][:2]
        m = _NAMED_PAIR_OPENING.match(self.layout.masked, ps, pe)
        if m is None:
            return None
        words = [fold(w).strip(".") for w in m.group(1).split()]
        if words[0] in _FUNCTION or any(w in _CALENDAR and w not in _MONTHS_IN_NAMES for w in words):
            return None  # "In Paris and Berlin, …", "Monday and Tuesday were …"
        return self._keyed_entity("group", " ".join(self.body[m.start(1):m.end(1)].split()))

    def _resolve_they(self) -> int | None:
        """"They" is the last group that has spoken so far (groups are created lazily), or None: a group
        ("Western officials"), or a plural source described without a name ("the aides", "Rubio's advisers")."""
        best = None
        for i, e in enumerate(self._entities):
            if e.id is not None and (e.type == "group" or e.type == "anonymous" and PLURAL_HEAD.search(e.name)):
                best = i
        return best


# ---------------------------------------------------------------- helpers


@lru_cache(maxsize=8192)
def _holds_any_office(roles: tuple[str, ...], targets: tuple[str, ...], mods: tuple[str, ...]) -> bool:
    """Whether one of ``roles`` is the office one of ``targets`` names (see :func:`_holds_office`): cached,
    as a document's role mentions try the same people's roles again and again."""
    return any(_holds_office(role, t, mods) for role in roles for t in targets)


def _holds_office(role: str, target: str, mods: tuple[str, ...] | list[str]) -> bool:
    """True when ``role`` is the office ``target`` names: "President" for "the president", but not
    "Chief Medical Advisor to the President" (whose office is the adviser's) nor "Vice President"
    unless the mention says "vice"."""
    before = _office_word_before(role, target)
    if before is False:
        return False
    if before and "-" in before:  # "vice-presidential nominee": the rank is "vice"
        before = before.partition("-")[0]
        return not (before in RANK_WORDS and not any(m.partition("-")[0] == before for m in mods))
    if before in RANK_WORDS and before not in mods:
        return False
    # a rank further before it: "Deputy Foreign Minister" is not "the foreign minister"
    return all(rank in mods for rank in _ranks_before(role, target))


_PLACE_WORDS_START = re.compile(r"(?:the )?[A-Z]")
# the place after a role noun, before the name it introduces: " to the United States" of "ambassador to the United
# States, Anatoly Antonov"
_ROLE_PLACE_AFTER = re.compile(r"[ \t]+(?:to|at|in)[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,3}(?=,)")
# "her" as an object, not a possessive: followed by a particle, a preposition, a determiner or punctuation
_OBJECT_HER = re.compile(r"[ \t]*(?:[,.;:!?)\u201d\"]|$|(?:up|down|out|off|in|on|over|back|away|to|for|with|at|from|"
                         r"about|that|a|an|the|as|and|or|but|if|when|because)\b)")
# offices an honorific may address ("Mr. President", "Madam Secretary"): any other title word after one is a
# surname ("Mr. King")
_VOCATIVE_OFFICES = {"president", "speaker", "chairman", "chairwoman", "chair", "secretary", "minister", "ambassador",
                     "mayor", "governor", "senator", "commissioner", "justice", "premier", "chancellor", "director",
                     "leader", "administrator", "attorney", "prosecutor", "representative", "deputy", "vice",
                     "secretary-general", "director-general", "congressman", "congresswoman", "councilman",
                     "councilwoman", "chairperson", "excellency", "judge", "dean"}
# capitalised words that qualify a title before the name ("Foreign Minister", "Supreme Court Justice")
_TITLE_QUALIFIERS = {"foreign", "prime", "vice", "deputy", "defence", "defense", "interior", "finance", "home", "state",
                     "special", "assistant", "under", "chief", "high", "press", "majority", "minority", "first",
                     "crown", "grand", "supreme", "former", "acting", "white", "house", "senate", "presidential",
                     "general", "central", "national", "federal", "reserve", "security", "homeland"}
# a department in a title, between its qualifier and the title word ("Foreign Ministry Spokeswoman")
_OFFICE_OF_TITLE = {"ministry", "department", "office", "agency", "commission", "council", "court", "committee", "bank",
                    "district", "circuit"}
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_ACRONYM_POSSESSIVE = re.compile(r"(?:the[ \t]+)?[A-Z]{2,}['\u2019]s")
_OF_COUNTRY_END = re.compile(r"\bof[ \t]+(?:the[ \t]+)?([A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,3})$")


@lru_cache(maxsize=4096)
def _country_of_office(role: str) -> str | None:
    """The country a role's office is of: France for "President of France", Russia for "Minister of Foreign
    Affairs of the Russian Federation"; None for "Secretary of State" or "ambassador to France" (whose
    office is not France's)."""
    m = _OF_COUNTRY_END.search(role)
    return gazetteer.country_of(m.group(1)) if m else None


@lru_cache(maxsize=8192)
def _ranks_before(role: str, target: str) -> tuple[str, ...]:
    """The rank words (:data:`RANK_WORDS`) of ``role``'s office before ``target``: ("deputy",) for "Deputy
    Foreign Minister" and "minister"."""
    office = _office_of(role)
    at = office.find(target)
    return tuple(w for w in re.findall(r"[\w]+", office[:max(at, 0)]) if w in RANK_WORDS)


@lru_cache(maxsize=8192)
def _office_word_before(role: str, target: str) -> str | None | bool:
    """What :func:`_holds_office` reads of ``role`` for ``target``: False when its office does not
    say ``target``, else the word right before it there (None when none): cached, as the same roles
    are tried for every role mention of a document."""
    office = _office_of(role)
    if target not in office:
        return False
    m = _office_word_re(target).search(office)
    return False if m is None else m.group(1)


# documents named without a determiner: "exit polling showed", "footage from the game shows", "data suggest"
_MASS_DOCUMENTS = {"data", "footage", "polling", "research", "evidence", "video", "testimony", "law", "legislation",
                   "guidance"}
# role heads that name a trade, not an office: any rank of it is one ("the diplomat" after "Deputy Foreign
# Minister Sergei Ryabkov")
_GENERIC_ROLE_HEADS = frozenset({"diplomat"})
# a gerund or participle: a lower-case word in -ing
_GERUND = re.compile(r"\b[a-z]{2,}ing\b")
# a sentence's subject ending in a plural noun for people, then its verb: "Senate Democrats blocked"
_PLURAL_SUBJECT = re.compile(r"[ \t]*((?:[\w\u2019'.-]+[ \t]+){0,4}?([A-Za-z]+s|people|men|women))[ \t]+"
                             r"(?!(?:of|who|whose|that|which|in|at|from|for|with|and|or|to|on|by|as)\b)[a-z]")
# two people named together opening a sentence as its subject: "Professors Foner and Alba suggest"
_NAMED_PAIR_OPENING = re.compile(r"[ \t]*((?:[A-Z][\w.\u2019'-]*[ \t]+){1,3}and[ \t]+(?:[A-Z][\w.\u2019'-]*[ \t]+){0,2}"
                                 r"[A-Z][\w.\u2019'-]*)[ \t]+(?:also[ \t]+)?[a-z]{3,}\b")
# an adverbial opening a sentence, up to its comma: "On Friday, "
_CLAUSE_OPENING = re.compile(r"[^,;:\u201c\u201d]{1,60},[ \t]+")
# words that open a subordinate clause or a phrase, never a subject
_NOT_SUBJECT_OPENING = {"as", "while", "with", "without", "when", "whenever", "if", "because", "although", "though",
                        "since", "unless", "until", "once", "whereas", "like", "unlike", "for", "of", "in", "on", "at",
                        "by", "from", "to", "into", "where", "after", "before", "so", "than", "that", "whether"}
# prepositions opening a phrase that names nobody: "Despite polls showing …", "Alongside BLM calls for …"
_LEADING_PREPOSITIONS = {"despite", "alongside", "amid", "amidst", "after", "before", "during", "following", "among",
                         "without", "unlike", "like", "beyond", "besides", "except", "since", "until", "throughout",
                         "across", "against", "toward", "towards", "upon", "within", "via", "over", "under", "into"}
# a possessive inside a role description: "the prime minister's spokesman" is someone else's aide
_INNER_POSSESSIVE = re.compile(r"\w['\u2019]s?[ \t]+\w")
# the people or the organisation around a person, named after them: "Clinton advisers", "Trump's aides",
# "the Sanders campaign" (a source of its own, never the person)
_PEOPLE_AROUND = re.compile(
    r"(?:['\u2019]s?)?[ \t]+(?:(?:top|senior|former|longtime|close|campaign|press|chief|political|economic|legal|"
    r"national|key|other)[ \t]+){0,2}(?:advisers?|advisors?|aides?|allies|ally|supporters|staff|staffers|"
    r"spokes(?:man|woman|person)|lawyers?|attorneys?|campaign|associates|backers|loyalists|confidants|surrogates|"
    r"team|camp|strategists?|operatives?|manager|officials|donors|critics|opponents|rivals|family|children|"
    r"office)[ \t]*")  # (the office: "Zelenskiy's office said" is his office, as "His office said" is)
# participles that do not end in -ed: "a poll taken last week", "a memo written in May" (the head is before them)
_IRREGULAR_PARTICIPLES = {"taken", "written", "given", "shown", "drawn", "seen", "done", "made", "held", "sent",
                          "put", "run", "won", "brought", "built", "led", "paid", "read", "set", "shot", "spent"}
_COUNT_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


def _is_count(word: str) -> bool:
    return word.isdigit() or word in _COUNT_WORDS


_VERB_POSSESSIVE_AFTER = re.compile(r"[ \t]+(?:[a-z]+ly[ \t]+)?(?:also[ \t]+)?[a-z]+(?:ed|es|s)[ \t]+(his|her)\b")
_NP_BEFORE_RELATIVE = re.compile(r"((?:(?:a|an|the)[ \t]+)?(?:[\w\u2019'.-]+[ \t]+){0,3}[\w\u2019'.-]+)[ \t]*$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[ \t]+(?=[A-Z])")
_WHOSE_BEFORE = re.compile(r"(?<![\w'\u2019-])whose[ \t]+$")
# the noun phrase ending the words before a relative, after a lower-case word that is no determiner, preposition
# or conjunction (a verb, mostly): "met Scholz", "met the Germans" (not "the head of the agency", nor an adjective
# after a determiner: "an influential Hispanic Republican")
_NAME_AFTER_VERB = re.compile(r"(?<![\w'\u2019.-])(?<!\b[Aa][ \t])(?<!\b[Aa]n[ \t])(?<!\b[Tt]he[ \t])"
                              r"(?!(?:a|an|the|of|for|at|in|from|with|to|on|by|and|or)[ \t])"
                              r"[a-z][\w\u2019'-]*[ \t]+((?:a|an|the)[ \t]+[\w\u2019'.-]+(?:[ \t]+[\w\u2019'.-]+)*"
                              r"|[A-Z][\w\u2019'.-]*(?:[ \t]+[A-Z][\w\u2019'.-]*)*)$")
_PREPOSITION_IN_PHRASE = re.compile(r"(?:^|(?<=[ \t]))(of|for|to|from|with|by|about|against|at|in|on|among)[ \t]+"
                                    r"(?:(?<=to[ \t])[a-z]+[ \t]+(?=\S))?")
# the head a phrase "of …" belongs to: "a coalition", "members", "the leaders" (a word that is no preposition)
_HEAD_BEFORE_OF = re.compile(r"(?<![\w\u2019'-])((?:(?:[Aa]|[Aa]n|[Tt]he)[ \t]+)?(?!(?:of|for|to|from|with|by|about|against|at|"
                             r"in|on|among|and|or|but|that|who|which)\b)[\w\u2019'-]+)[ \t]+$")
_PREPOSITION_THEN_DET = re.compile(r"(?:for|of|to|from|with|by|about|against|at|in|on)[ \t]+(?=(?:a|an|the)[ \t])")
# an appositive ending where a relative "who" follows: ", Republican of Arizona" / ", a senior analyst"
_CLAUSE_WORD = re.compile(r"\b(?:which|who|whom|that|is|are|was|were|has|have|had)\b")
_APPOSITIVE_BEFORE = re.compile(r",[ \t]+(?:(?:a|an|the)[ \t]+)?[\w\u2019'.-]+(?:[ \t]+[\w\u2019'.-]+){0,5}$")
_ROLE_TAIL = re.compile(r"\s+(?:of|for|to|at|in|on)\s+")


@lru_cache(maxsize=4096)
def _office_of(role: str) -> str:
    """The part of a role before its object: "chief medical advisor" of "... to the President"."""
    return _ROLE_TAIL.split(role.lower(), maxsplit=1)[0]


@lru_cache(maxsize=1024)
def _whole_word_re(phrase: str) -> re.Pattern:
    """``phrase`` as a whole word (or words), compiled once: role texts are searched for it often."""
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")


@lru_cache(maxsize=1024)
def _office_word_re(target: str) -> re.Pattern:
    return re.compile(r"(?:([\w-]+)\s+)?(?<![\w-])" + re.escape(target) + r"(?![\w-])")


@lru_cache(maxsize=4096)
def _inner_tokens(full_name: str) -> tuple[str, ...]:
    """The words of a full name of three words or more between its first and its last, particles apart:
    ("inacio", "lula") of "Luiz Inácio Lula da Silva"."""
    tokens = name_tokens(full_name)
    return tuple(t for t in tokens[1:-1] if t not in NAME_PARTICLES) if len(tokens) >= 3 else ()


def _title_start(folded: list[str], j: int) -> int:
    """Where a restart at ``j`` really starts: back over the title's own words before it ("Wednesday for Supreme
    Court Justice Ruth Bader Ginsburg" restarts at "Supreme", not "Court"), never at the run's first word."""
    while j > 1 and (folded[j - 1] in _TITLE_QUALIFIERS or folded[j - 1] in _OFFICE_OF_TITLE):
        j -= 1
    return j


def _ends_with_tokens(full_name: str, tail: list[str]) -> bool:
    """True when ``full_name`` has more words than ``tail`` and ends with them: "Andrés Manuel López Obrador" and
    ["lópez", "obrador"]."""
    tokens = name_tokens(full_name)
    return len(tokens) > len(tail) and tokens[-len(tail):] == tail


def _names_person(key: str, keys: set[str]) -> bool:
    """True when a mention with ``key`` can name the entity known by ``keys``.

    A full name must meet one of the entity's full names: "Natalie Biden" is not
    "Ashley Biden", although both answer to "Biden" (a surname key the entity also
    holds). A surname alone meets any of them.
    """
    if "|" in key and any("|" in k for k in keys):
        return any(key_matches(key, k) for k in keys if "|" in k)
    return any(key_matches(key, k) for k in keys)


def _title_alias(cand: dict) -> str | None:
    if not cand.get("role"):
        return None
    t = cand["text"]
    core = cand["core_text"]
    if t.endswith(core) and t != core:
        alias = t[: -len(core)].strip(" ,")
        if len(alias.split()) < 2 and not cand.get("country"):
            return None  # a bare "Minister" or "President" says nothing
        return alias
    return None


def _role_alias(text: str) -> str:
    return _LEADING_CAP_DET.sub(_lower_match, " ".join(text.split()))


_LEADING_CAP_DET = re.compile(r"^(?:The|This|That)\b")


def _lower_match(m: re.Match) -> str:
    return m.group().lower()


_POST_MODIFIER_ADJECTIVES = {"familiar", "close", "involved", "briefed", "knowledgeable", "connected", "loyal",
                              "opposed", "allied", "aligned"}


def _org_from(rest: str) -> str | None:
    m = re.match(r"(?:for|of|at|with|from)\s+(?:the\s+)?(.+)$", rest.strip(" ,."))
    if not m:
        return None
    org = m.group(1).strip()
    return org if org[:1].isupper() else None


def _parse_role_phrase(phrase: str) -> tuple[str | None, str | None, str | None]:
    """('Russia's foreign minister') -> ('foreign minister', 'Russia', None)."""
    lex = lexicon()
    words = phrase.split()
    country = None
    org = None
    role_words = []
    i = 0
    while i < len(words):
        w = words[i]
        lw = fold(w).strip(",.")
        if lw in ("the", "a", "an", "his", "her", "its", "their"):
            i += 1
            continue
        base = _POSS_S_OPT_END.sub("", w)
        c = gazetteer.country_of(base)
        if c and (w != base or gazetteer.country_of(w) and lw not in lex.roles):
            country = country or c
            if fold(base) in lex.institution_words:
                org = org or base
            i += 1
            continue
        if lw in ("to", "in") and role_words and _PLACE_WORDS_START.match(" ".join(words[i + 1:i + 3])):
            # "ambassador to France", "envoy in Kabul": the place belongs to the role, and is not the holder's country
            role_words.extend(words[i:])
            break
        if lw in ("of", "for", "at") and i + 1 < len(words):
            tail = " ".join(words[i + 1:])
            tail = _LEADING_LOWER_THE.sub("", tail)
            c2 = gazetteer.country_of(tail)
            if c2:
                country = country or c2
            elif tail[:1].isupper():
                org = org or tail
            else:
                role_words.extend(words[i:])
            break
        if w[:1].isupper() and lw not in lex.roles and lw not in _ROLE_TITLE_WORDS:
            org = (org + " " + w) if org and role_words == [] else (org or w)
            i += 1
            continue
        role_words.append(w)
        i += 1
    role = " ".join(role_words) or None
    return role, country, org
