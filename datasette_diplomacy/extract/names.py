"""Person names: folding, transliteration variants and the key that merges speakers.

The store merges the speakers of all documents through :func:`person_key`, so
"Sergey Lavrov", "Sergei Lavrov" and "SERGEY LAVROV" become one person, and
"Volodymyr Zelenskyy" and "Vladimir Zelensky" another. Keep this module free of
database access: it is used by extraction in worker processes too.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Groups of first names that name the same person: English short forms and the
# common transliterations of Slavic names. The first entry is the group's key.
FIRST_NAME_GROUPS = [
    ["elizabeth", "liz", "lizzie", "beth", "betty"],
    ["sergey", "sergei", "serguei", "sergiy", "serhiy", "serhii"],
    ["volodymyr", "vladimir", "wladimir", "volodimir"],
    ["dmitry", "dmitri", "dmytro", "dmitriy"],
    ["alexey", "alexei", "aleksei", "aleksey", "oleksiy", "oleksii", "olexiy"],
    ["alexander", "aleksandr", "oleksandr", "alex"],
    ["yuri", "yury", "yuriy", "iurii"],
    ["andrey", "andrei", "andriy", "andrii"],
    ["mikhail", "mykhailo", "michael", "mike"],
    ["nikolai", "nikolay", "mykola"],
    ["anatoly", "anatoliy", "anatolii"],
    ["maria", "mariya", "mariia"],
    ["yevgeny", "evgeny", "yevgeniy", "yevhen"],
    ["joseph", "joe"],
    ["robert", "bob", "rob"],
    ["william", "bill", "will"],
    ["james", "jim", "jimmy"],
    ["richard", "dick", "rick"],
    ["anthony", "antony", "tony"],
    ["boris"],
    ["jeffrey", "jeff", "geoffrey"],
    ["andrew", "andy", "drew"],
    ["thomas", "tom", "tommy"],
    ["christopher", "chris"],
    ["daniel", "dan", "danny"],
    ["edward", "ed", "ted", "eddie"],
    ["charles", "chuck", "charlie"],
    ["steven", "stephen", "steve"],
    ["matthew", "matt"],
    ["nicholas", "nick"],
    ["benjamin", "ben"],
    ["samuel", "sam"],
    ["kenneth", "ken"],
    ["ronald", "ron"],
    ["donald", "don"],
    ["gregory", "greg"],
    ["timothy", "tim"],
    ["peter", "pete"],
    ["lawrence", "larry"],
    ["katherine", "catherine", "kate", "kathy", "katie"],
    ["rebecca", "becky"],
    ["margaret", "maggie", "peggy"],
    ["patricia", "patty", "trish"],
    ["susan", "sue", "suzy"],
]
_FIRST_NAME_KEY = {name: group[0] for group in FIRST_NAME_GROUPS for name in group}

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "madame", "monsieur",
    "herr", "frau", "prof", "professor", "rev", "hon",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# titles that stand before a name ("President Biden", "Coordinator Zients")
TITLE_WORDS = {
    "president", "vice", "secretary", "minister", "senator", "sen", "rep", "gov", "governor", "mayor", "ambassador",
    "chancellor", "premier", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "director",
    "envoy", "commissioner", "congressman", "congresswoman", "administrator", "advisor", "adviser", "president-elect",
    "vice-president", "press", "deputy", "representative", "honorable", "honourable", "coordinator",
    "chair", "chairperson", "co-chair",
}
# words before a surname that are never its given name: titles, their abbreviations, and the
# verbs of a headline or signature line ("Pres. Biden", "VP Harris", "Signed Joseph R. Biden")
_NOT_GIVEN = TITLE_WORDS | {
    "pres", "potus", "flotus", "vp", "ag", "first", "lady", "gen", "general", "adm", "admiral", "col", "colonel",
    "lt", "sgt", "capt", "captain", "cmdr", "commander", "judge", "justice", "speaker", "leader", "chief",
    "former", "acting", "secretary-general", "prime", "foreign", "defense", "defence", "attorney",
    "signed", "announces", "announced", "welcomes", "thanks", "did", "does", "is", "was", "will", "by",
}
# lower-case particles of surnames: they never count as a given name
NAME_PARTICLES = {
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "dos", "das", "la", "le", "ter", "zu",
    "bin", "ibn", "al", "el", "abu", "ben", "st",
}


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold_text(text: str) -> str:
    """Lower-case, strip diacritics and unify apostrophes: 'Erdoğan' -> 'erdogan'.

    Uncached, for long texts such as quotes: caching them would only keep the
    last few thousand quotes of a load alive in every worker.
    """
    text = unicodedata.normalize("NFKD", text)
    if not text.isascii():
        text = _NOT_ASCII.sub(_drop_combining, text)
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def _drop_combining(match: re.Match) -> str:
    return "".join(ch for ch in match.group() if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """:func:`fold_text`, cached: for names and labels, which repeat."""
    return fold_text(text)


def name_tokens(name: str) -> list[str]:
    """The folded words of a name without honorifics, suffixes or punctuation."""
    return list(_name_tokens(name))


_NAME_WORDS = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_SLAVIC_Y_END = re.compile(r"(sk|ts|zk|ck)(yy|iy|ii|yi|ij)$")
_VOWEL_Y_END = re.compile(r"(?<=[aeiou])(yy|iy|ii)$")


@lru_cache(maxsize=8192)
def _name_tokens(name: str) -> tuple[str, ...]:
    words = _NAME_WORDS.findall(fold(name))
    return tuple(w for w in words if w not in HONORIFICS and w not in _SUFFIXES)


def surname_key(surname: str) -> str:
    """Fold transliteration variants of a surname onto one spelling.

    Zelenskyy / Zelenskiy / Zelensky -> zelensky; Lavrov stays lavrov.
    """
    key = fold(surname).replace("'", "")
    key = _SLAVIC_Y_END.sub(r"\1y", key)
    key = _VOWEL_Y_END.sub("i", key)
    key = key.replace("kh", "h").replace("ks", "x")
    return key


def first_name_key(first: str) -> str:
    first = fold(first)
    return _FIRST_NAME_KEY.get(first, first)


@lru_cache(maxsize=8192)
def lone_given_key(name: str) -> str | None:
    """:func:`first_name_key` of the one word of ``name`` ("Hillary", "Sergei"), which may name a person by
    their given name alone; None when :func:`name_tokens` finds no word or several."""
    tokens = _name_tokens(name)
    return first_name_key(tokens[0]) if len(tokens) == 1 else None


@lru_cache(maxsize=8192)
def person_key(name: str) -> str | None:
    """A key equal for two spellings of one person's name, or None for no name.

    The key is ``surname`` or ``surname|first`` (first-name variants folded), so
    a surname-only mention can be matched to the single full name that shares
    its surname (see :func:`key_matches`).
    """
    tokens = name_tokens(name)
    if not tokens:
        return None
    surname = surname_key(tokens[-1])
    # "Ursula von der Leyen" -> leyen|ursula; "Von der Leyen" -> leyen (particles are not first names)
    given = [t for t in tokens[:-1] if t not in NAME_PARTICLES and t not in _NOT_GIVEN]
    if not given:
        return surname
    return f"{surname}|{first_name_key(given[0])}"


def key_matches(short: str, full: str) -> bool:
    """True when key ``short`` (maybe surname only) can name the person of key ``full``."""
    if short == full:
        return True
    short_surname, _, short_first = short.partition("|")
    full_surname, _, full_first = full.partition("|")
    if short_surname != full_surname:
        return False
    return not short_first or not full_first


_LABEL_Q = re.compile(r"^Q[ \t]*[.:]?[ \t]*(?=(?:MRS?|MS|DR|Mrs?|Ms|Dr)\.?[ \t])")
_HONORIFIC_FRAGMENT = re.compile(r"^(?:[MSR]|RS)\.[ \t]+(?=[^\W\d_][\w'\u2019-]*$)", re.IGNORECASE)


def clean_label_name(name: str) -> str:
    """A transcript label's name without the debris of its honorific.

    "QMS. PSAKI" (a question mark "Q" glued to the next label) -> "MS. PSAKI"; "S. PSAKI" and
    "M. Psaki" (an honorific "MS." / "MR." that lost a letter) -> "PSAKI" / "Psaki". A real initial
    before a first name and surname ("J. R. Smith", "John F. Kerry") is kept.
    """
    name = " ".join(name.split())
    name = _LABEL_Q.sub("", name)
    glued = re.match(r"^Q((?:mrs?|ms|dr)\.)", name, re.IGNORECASE)
    if glued:
        name = glued.group(1).capitalize() + name[glued.end():]
    return _HONORIFIC_FRAGMENT.sub("", name)

