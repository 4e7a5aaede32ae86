"""The topic taxonomy (data/topics.yml) and its matcher (extract/topics.py)."""
from __future__ import annotations

import pickle
import random
import re
import time
from pathlib import Path

import pytest

from datasette_diplomacy.extract.topics import PhraseMatcher, Taxonomy, TaxonomyError, Topic

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.default()


def leaves(taxonomy: Taxonomy, text: str) -> set[str]:
    """The most specific topics matched (no topic whose child also matched)."""
    found = taxonomy.match(text)
    return {name for name in found if not any(taxonomy.get(o).parent == name for o in found)}


def test_packaged_taxonomy_is_valid_and_broad(taxonomy):
    names = [t.name for t in taxonomy.topics]
    assert 40 <= len(names) <= 80
    assert len(set(names)) == len(names)
    for t in taxonomy.topics:
        assert t.description, t.name
        assert t.aliases or t.patterns, t.name
        assert t.parent is None or t.parent in taxonomy
    for expected in [
        "Security guarantees", "NATO enlargement", "Arms control", "New START", "INF Treaty", "Sanctions",
        "Energy", "Nord Stream 2", "Iran nuclear deal", "Military exercises", "Troop deployments", "Invasion",
        "Minsk agreements", "Budapest Memorandum", "Trade and investment", "Human rights",
        "Democracy and elections", "UN Security Council", "OSCE", "Bilateral relations",
        "Territorial integrity and sovereignty", "Humanitarian aid", "Refugees and migration", "Terrorism",
        "Cybersecurity", "Climate and environment", "China relations", "Middle East",
        "Propaganda and disinformation", "Diplomatic expulsions and evacuations",
    ]:
        assert expected in taxonomy, expected
    # every pattern went into the trie (none is tried at every word, which would be slow)
    assert taxonomy._compiled.matcher.fallback == 0


def test_hierarchy(taxonomy):
    assert taxonomy.get("Nord Stream 2").parent == "Pipelines"
    assert taxonomy.ancestors("Nord Stream 2") == ["Pipelines", "Energy"]
    assert taxonomy.ancestors("Energy") == []
    ordered = [t.name for t in taxonomy.ordered()]
    for t in taxonomy.topics:
        if t.parent:
            assert ordered.index(t.parent) < ordered.index(t.name)
    assert {t.name for t in taxonomy.children("Pipelines")} == {"Nord Stream 2"}
    assert "Energy" in {t.name for t in taxonomy.children(None)}


@pytest.mark.parametrize(
    "text, topic",
    [
        ("the Nord Stream 2 would not go ahead", "Nord Stream 2"),
        ("the Nord-Stream 2 pipeline", "Nord Stream 2"),
        ("Russia demands legally binding security guarantees", "Security guarantees"),
        ("the legally-binding security guarantees Russia has demanded", "Security guarantees"),
        ("no one should strengthen their security at the expense of the security of others",
         "Security guarantees"),
        ("It can't come at the expense of NATO's open-door policy", "NATO enlargement"),
        ("Ukraine will never be admitted to NATO", "NATO enlargement"),
        ("the extension of New START", "New START"),
        ("after the collapse of the INF Treaty", "INF Treaty"),
        ("the West will impose severe sanctions", "Sanctions"),
        ("a chance of restoring the Joint Comprehensive Plan of Action", "Iran nuclear deal"),
        ("the JCPOA talks in Vienna", "Iran nuclear deal"),
        ("the Russian-Belarusian military exercises", "Military exercises"),
        ("100,000 troops stationed on the Ukrainian border", "Troop deployments"),
        ("Russia has no plans to invade Ukraine", "Invasion"),
        ("the lack of progress in implementing the Minsk agreements", "Minsk agreements"),
        ("Russia freely signed up to the 1994 Budapest Memorandum", "Budapest Memorandum"),
        ("mutual trade exceeded $24 billion", "Trade and investment"),
        ("Ukraine's sovereignty and territorial integrity", "Territorial integrity and sovereignty"),
        ("our interaction at the UN Security Council", "UN Security Council"),
        ("key OSCE documents such as the Istanbul Charter", "OSCE"),
        ("the UK and US withdrew embassy staff from Kyiv", "Diplomatic expulsions and evacuations"),
        ("Moscow might have to evacuate its diplomats from Ukraine", "Diplomatic expulsions and evacuations"),
        ("It is pure propaganda.", "Propaganda and disinformation"),
        ("a ransomware attack on the pipeline operator", "Cybersecurity"),
        ("the ceasefire along the line of contact", "Ceasefires and peace process"),
        ("refugees fleeing the fighting", "Refugees and migration"),
        ("the Paris Agreement on climate change", "Climate and environment"),
        ("tensions in the Taiwan Strait", "China relations"),
        ("the World Health Organization said", "Public health"),
        ("the WHO said", "International organisations"),
        ("he warned against providing weapons to the junta", "Arms supplies"),
        ("the country sold arms to both sides", "Arms supplies"),
    ],
)
def test_topic_assignments(taxonomy, text, topic):
    assert topic in taxonomy.match(text), taxonomy.explain(text)


def test_child_match_counts_for_ancestors(taxonomy):
    found = taxonomy.match("Truss threatened to cut the Nord Stream 2 project.")
    assert found == {"Nord Stream 2": 1, "Pipelines": 1, "Energy": 1}
    # two mentions of children of one parent: the parent counts both
    found = taxonomy.match("Nord Stream 2 and natural gas")
    assert found["Energy"] == 2 and found["Nord Stream 2"] == 1 and found["Natural gas"] == 1


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Who said that?", "International organisations"),  # the pronoun, not the WHO
        ("The cold war is over.", "War and conflict"),
        ("a trade war with China", "War and conflict"),
        ("the war on drugs", "War and conflict"),
        ("African American voters in Georgia", "Africa"),
        ("Mexican-American families", "Latin America"),
        ("the unemployment rate fell to its lowest level", "Bilateral relations"),
        ("The annex to the report", "Territorial integrity and sovereignty"),
        ("We are working on security for our schools.", "Security guarantees"),
        ("He was hacksawing a branch.", "Cybersecurity"),
        ("warfarin is a drug", "War and conflict"),
    ],
)
def test_no_false_topics(taxonomy, text, absent):
    assert absent not in taxonomy.match(text), taxonomy.explain(text)


def test_whole_words_only(taxonomy):
    assert taxonomy.match("Washington's sanctionsbusters and unsanctioned") == {}
    assert "Sanctions" in taxonomy.match("(sanctions)")
    assert "NATO" in taxonomy.match("NATO's")


def test_empty_text(taxonomy):
    assert taxonomy.match("") == {}
    assert taxonomy.match("The weather was fine and we had lunch.") == {}


def test_seed_article_topics(taxonomy):
    body = (SEEDS / "000_928b3f1760d52fff.txt").read_text(encoding="utf-8")
    found = taxonomy.match(body)
    for topic in ["Nord Stream 2", "Security guarantees", "Minsk agreements", "Iran nuclear deal",
                  "Military exercises", "Sanctions", "NATO", "Budapest Memorandum", "Invasion"]:
        assert topic in found, topic
    assert "Public health" not in found
    assert "Climate and environment" not in found


def test_explain_names_the_words(taxonomy):
    explained = taxonomy.explain("Truss said the Nord Stream 2 gas pipeline will not go ahead.")
    assert ("Nord Stream 2", ["Nord Stream 2", "Pipelines", "Energy"]) in explained
    assert explained[1][0] == "gas pipeline"


def test_pickle_round_trip(taxonomy):
    copy = pickle.loads(pickle.dumps(taxonomy))
    assert [t.name for t in copy.topics] == [t.name for t in taxonomy.topics]
    text = "The Nord Stream 2 pipeline and NATO enlargement"
    assert copy.match(text) == taxonomy.match(text)


def test_load_adds_and_overrides_topics(tmp_path):
    extra = tmp_path / "mine.yml"
    extra.write_text(
        """
- name: Arctic shipping
  description: Shipping lanes in the Arctic
  parent: Arctic
  aliases: [Northern Sea Route, polar shipping]
- name: Sanctions
  description: My own sanctions topic
  patterns: ['restrictive measures']
""",
        encoding="utf-8",
    )
    taxonomy = Taxonomy.load(extra)
    assert "Arctic shipping" in taxonomy and "NATO" in taxonomy
    assert taxonomy.match("polar shipping grows") == {"Arctic shipping": 1, "Arctic": 1, "Regional affairs": 1}
    assert taxonomy.get("Sanctions").description == "My own sanctions topic"
    assert "Sanctions" not in taxonomy.match("new sanctions")
    assert "Sanctions" in taxonomy.match("restrictive measures")
    assert len([t for t in taxonomy.topics if t.name == "Sanctions"]) == 1

    replaced = Taxonomy.load(tmp_path / "mine.yml", replace=False)
    assert len(replaced) == len(taxonomy)


def test_load_replace(tmp_path):
    extra = tmp_path / "only.yml"
    extra.write_text("topics:\n  - name: Whales\n    aliases: [whale, whales]\n", encoding="utf-8")
    taxonomy = Taxonomy.load(extra, replace=True)
    assert [t.name for t in taxonomy.topics] == ["Whales"]
    assert taxonomy.match("Whales and NATO") == {"Whales": 1}


@pytest.mark.parametrize(
    "content, message",
    [
        ("- name: A\n  parent: Missing\n  aliases: [a]\n", "unknown parent"),
        ("- name: A\n  parent: B\n  aliases: [a]\n- name: B\n  parent: A\n  aliases: [b]\n", "cycle"),
        ("- name: A\n  patterns: ['(unclosed']\n", "bad pattern"),
        ("- name: A\n  patterns: ['x*']\n", "empty string"),
        ("- name: A\n  aliases: [a]\n- name: A\n  aliases: [b]\n", "twice"),
        ("- name: A\n  colour: red\n", "unknown field"),
        ("- aliases: [a]\n", "no name"),
        ("name: [unclosed\n", "not valid YAML"),
    ],
)
def test_load_rejects_bad_files(tmp_path, content, message):
    bad = tmp_path / "bad.yml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=message):
        Taxonomy.load(bad, replace=True)


def test_load_missing_file(tmp_path):
    with pytest.raises(TaxonomyError):
        Taxonomy.load(tmp_path / "nope.yml")


def test_patterns_with_capturing_groups_and_case_sensitive_parts():
    taxonomy = Taxonomy([
        Topic("Groups", patterns=("(alpha|beta) (gamma)",)),
        Topic("Acronym", patterns=("(?-i:ABC)",)),
    ])
    assert taxonomy.match("Alpha gamma, abc, ABC") == {"Groups": 1, "Acronym": 1}


def test_phrase_matcher_case_sensitive_phrases_share_a_prefix():
    matcher = PhraseMatcher([("US", "United States", True), ("us", "pronoun", False), ("U.S.", "United States", True)])
    text = "Tell us about the US and the U.S. economy"
    found = [(text[a:b], labels) for a, b, labels in matcher.spans(text)]
    assert [(t, set(labels)) for t, labels in found] == [
        ("us", {"pronoun"}), ("US", {"United States", "pronoun"}), ("U.S.", {"United States"})
    ]


def test_match_is_fast(taxonomy):
    body = (SEEDS / "003_9e8e457793dc7867.txt").read_text(encoding="utf-8") * 4  # ~100 kB
    taxonomy.match(body)
    started = time.perf_counter()
    taxonomy.match(body)
    assert time.perf_counter() - started < 0.25  # about 5 ms here; generous for slow CI machines


def test_prescan_case_twins_are_all_the_ascii_letters_ignoring_case_equates_with_non_ascii():
    from datasette_diplomacy.extract import topics

    letter = re.compile("(?i)[a-z]")
    twins = {chr(c).lower() if chr(c).lower().isascii() else None for c in range(128, 0x110000) if letter.match(chr(c))}
    # "İ" and "ı" (i), the Kelvin sign (k) and the long s (s): which letter each is, ignoring case
    assert {c for c in range(128, 0x110000) if letter.match(chr(c))} == {0x130, 0x131, 0x17F, 0x212A}
    assert twins <= {"i", "k", None} and topics._CASE_TWINS == frozenset("iks")


def _random_texts(seed: int, words: list[str], n: int):
    rng = random.Random(seed)
    seps = [" ", "  ", "-", "\u00a0", "\u2013", "\u2019", "'", ".", ",", "", "\n", "_", "\u00e9", "\u4e2d"]
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(1, 10)):
            w = rng.choice(words)
            r = rng.random()
            parts.append(w.upper() if r < 0.2 else w.capitalize() if r < 0.3 else w)
            parts.append(rng.choice(seps))
        yield "".join(parts)


def _lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def test_prescan_finds_what_the_regex_finds(taxonomy):
    from datasette_diplomacy.extract import topics
    from datasette_diplomacy.extract.entities import _matcher

    custom = PhraseMatcher(
        [("Nord Stream 2", "ns", False), ("U.S.", "us", True), ("N'Djamena", "nd", "initial"), ("K", "k", False),
         ("São Paulo", "sp", False), ("skis", "s", False)],
        [("colou?rs?", "colour"), ("war(?<!cold war)s?(?! on)", "war"), ("(?:north|south)[ -]korea", "korea"),
         ("k\\w+ist", "ist"), ("o\\d+ troops", "troops"), ("w(?i:[ks]+ates?)", "kates"), ("ox{3,5}y", "x"),
         ("(?:ab|a)(?:bc|c)", "abc"), ("q[^a]z", "q"), ("zz.z", "z"), ("o(?:tic)+tac", "tic"), ("na(?:ï|i)ve", "naive"),
         ("(?-i:Kiss)", "kiss"), ("K[iİ]ev", "kiev"), ("is+ue", "issue")],
    )
    words = ["nord", "stream", "2", "u.s.", "us", "n", "djamena", "k", "K", "\u212a", "são", "paulo", "skis", "ſkis",
             "colour", "colors", "war", "wars", "cold", "on", "north", "korea", "kremlinist", "o12", "troops", "kates",
             "ſkates", "wkates", "wſkates", "wKates", "wıssue", "x", "oxxxy", "oxxxxxxy", "abc", "ac", "abbc", "qbz", "qaz", "zzaz", "otictictac", "naïve", "naive",
             "kiss", "kİev", "kıev", "ıssue", "issue", "isssue", "sanctions", "russia", "russian", "nato", "ukraine"]
    for matcher in (custom, taxonomy._compiled.matcher, _matcher()):
        assert matcher._matches("x") is not None and matcher._prescan is not False
        for text in _random_texts(len(words), words, 3000):
            low = _lower(text)
            assert matcher._matches(low) == matcher._regex_matches(low), text
    # a pattern with no literal to start with is tried at every word: no pre-scan then
    fallback = PhraseMatcher([("us", "us", False)], [("\\d+ troops", "troops")])
    assert fallback._matches("12 troops") == fallback._regex_matches("12 troops") and fallback._prescan is False
    assert topics._prescan_strings(topics._parser.parse("ab(?!\\w)"), False) == {("ab ", False)}


def test_prescan_together_finds_what_each_pre_scan_finds(taxonomy):
    """One pass of the joint automaton gives each matcher the places its own pre-scan finds; and the
    pipeline's entity places, read off the title + " " + body text, are those of the body alone (a key
    across the joining space, "İ" and the Kelvin sign in the title do not shift or add any)."""
    from datasette_diplomacy.extract import topics
    from datasette_diplomacy.extract.entities import entity_matcher, find_entities
    from datasette_diplomacy.pipeline import _key_places

    words = ["nord", "stream", "2", "u.s.", "us", "US", "united", "states", "who", "WHO", "gaza", "hamas", "war",
             "north", "korea", "national", "security", "russia", "nato", "ukraine", "\u212a", "İ", "white", "house",
             "kremlin", "g7", "moscow", "kyiv", "kiev", "georgia", "tbilisi", "european", "union"]
    matchers = (taxonomy.matcher, entity_matcher())

    def own_places(matcher, text):
        low = _lower(text)
        return sorted(end - offset for end, offset in matcher._automaton().iter(topics._prescan_text(low)))

    texts = list(_random_texts(11, words, 600))
    for text in texts + ["", " ", "US", "İ united states"]:
        joint = topics.prescan_together(matchers, text)
        assert joint == [own_places(m, text) for m in matchers], text
    for title, body in zip(texts[::2], texts[1::2]):
        for title in (title, title + "united", title + "İ", None):
            topic_text = " ".join(filter(None, [title, body]))
            topic_places, entity_places, _, _ = _key_places(taxonomy, topic_text, body)
            assert topic_places == own_places(taxonomy.matcher, topic_text)
            assert entity_places == own_places(entity_matcher(), body), (title, body)
            assert taxonomy.match(topic_text, topic_places) == taxonomy.match(topic_text)
            assert find_entities(body, entity_places) == find_entities(body)


def test_slice_key_places_find_what_each_slice_alone_finds(taxonomy):
    """Matching a slice of a pre-scanned text with slice_key_places (the text's places within the slice, 0, and
    the slice's last stretch scanned) finds what matching the slice alone finds: cut mid-word, right after a
    word a key needs a space after ("who" of "whom"), around "İ" and the Kelvin sign, longer than the text."""
    import bisect

    from datasette_diplomacy.extract import topics
    from datasette_diplomacy.extract.entities import entity_matcher

    words = ["nord", "stream", "2", "u.s.", "us", "US", "united", "states", "who", "WHO", "whom", "gaza", "hamas",
             "cold", "war", "wars", "north", "korea", "national", "security", "sanctions", "russia", "nato", "ukraine",
             "\u212a", "İ", "ıssue", "white", "house", "kremlin", "g7", "covid-19", "supply", "chain", "chains"]
    rng = random.Random(9)
    texts = list(_random_texts(7, words, 400))
    texts = [" ".join(texts[i:i + 8]) for i in range(0, len(texts), 8)]
    matchers = (taxonomy.matcher, entity_matcher())
    for text in texts:
        places = topics.prescan_together(matchers, text)
        cuts = [(0, len(text)), (0, 0), (len(text), len(text))]
        cuts += [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(40)]
        for matcher, own in zip(matchers, places):
            for a, b in cuts:
                piece = text[a:b]
                inner = [p - a for p in own[bisect.bisect_left(own, a):bisect.bisect_right(own, b)]]
                assert matcher.spans(piece, matcher.slice_key_places(piece, inner)) == matcher.spans(piece), (text, a, b)
        for a, b in cuts:
            piece = text[a:b]
            inner = [p - a for p in places[0][bisect.bisect_left(places[0], a):bisect.bisect_right(places[0], b)]]
            assert taxonomy.match(piece, taxonomy.matcher.slice_key_places(piece, inner)) == taxonomy.match(piece)
    # no pre-scan (an alternative with no literal first): no places, the plain path
    plain = Taxonomy([Topic(name="Troops", patterns=("\\d+ troops",))])
    assert plain.matcher.slice_key_places("12 troops", []) is None


def test_lowered_for_slices_is_the_lowering_of_every_slice(taxonomy):
    """The text lowered once serves each slice of it (the pipeline's body and quotes): each slice of it is what
    lowering the slice alone gives, "İ" (two characters lower-cased, kept) and the Kelvin sign included; a text
    with a capital sigma (lower-cased by its neighbours) has none. Matching with it finds what matching finds."""
    import bisect

    from datasette_diplomacy.extract import topics
    from datasette_diplomacy.extract.entities import entity_matcher

    words = ["nord", "stream", "NATO", "Gaza", "İstanbul", "\u212aiev", "ẞ", "Straße", "sanctions", "Russia", "ukraine",
             "WHITE", "House", "ﬁnance", "Élysée", "war", "wars"]
    rng = random.Random(11)
    texts = [" ".join(t) for t in zip(*[iter(_random_texts(5, words, 240))] * 6)]
    matchers = (taxonomy.matcher, entity_matcher())
    for text in texts:
        lowered = topics.lowered_for_slices(text)
        assert lowered == topics._lowered(text)
        places = topics.prescan_together(matchers, text, lowered)
        assert places == topics.prescan_together(matchers, text)
        cuts = [(0, len(text))] + [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(30)]
        for a, b in cuts:
            piece, low = text[a:b], lowered[a:b]
            assert low == topics._lowered(piece)
            inner = [p - a for p in places[0][bisect.bisect_left(places[0], a):bisect.bisect_right(places[0], b)]]
            key_places = taxonomy.matcher.slice_key_places(piece, inner, low)
            assert key_places == taxonomy.matcher.slice_key_places(piece, inner)
            assert taxonomy.match(piece, key_places, low) == taxonomy.match(piece)
            assert entity_matcher().spans(piece, None, low) == entity_matcher().spans(piece)
    # a capital sigma lower-cases as the word goes on ("σ") or ends ("ς"): a slice may end the word
    assert topics._lowered("ΟΔΟΣΑ")[:4] != topics._lowered("ΟΔΟΣ")
    assert topics.lowered_for_slices("ΟΔΟΣΑ") is None


def test_prescan_keys_read_along_the_trie_are_each_alternatives_own(taxonomy):
    """The pre-scan's keys, read token by token along the trie, are those of each alternative's regex parsed
    whole (its tokens' regexes, then its leaf's)."""
    from datasette_diplomacy.extract import topics
    from datasette_diplomacy.extract.entities import entity_matcher

    def keys_of_whole_alternatives(trie) -> set[str]:
        keys = set()

        def walk(node, source):
            for token, child in node.children.items():
                walk(child, source + (topics._TOKEN_RE.get(token) or re.escape(token)))
            for tail, marker in node.leaves:
                strings = topics._prescan_strings(topics._parser.parse(source + topics._leaf(tail, marker)), False)
                keys.update(" " + text for text, _ in strings)

        walk(trie, "")
        return keys

    custom = PhraseMatcher(
        [("Nord Stream 2", "ns", False), ("U.S.", "us", True), ("N'Djamena", "nd", "initial"), ("São Paulo", "sp", False)],
        [("colou?rs?", "colour"), ("war(?<!cold war)s?(?! on)", "war"), ("(?:north|south)[ -]korea", "korea"),
         ("k\\w+ist", "ist"), ("ox{3,5}y", "x"), ("o(?:tic)+tac", "tic"), ("(?-i:Kiss)", "kiss"), ("is+ue", "issue"),
         ("abcdefghijklmnopqrstuvwxyz(?:0|1)", "long"), ("a(?:b|c|d|e|f|g|h){3}z", "many")],
    )
    for matcher in (custom, taxonomy.matcher, entity_matcher()):
        assert topics._prescan_keys(matcher._trie) == keys_of_whole_alternatives(matcher._trie)


def test_first_character_regexes_match_as_the_whole_regex():
    # the regex tried at a place holds only the alternatives that may start with its character: an apostrophe
    # starts both the apostrophe token's ("'t Hooft", either apostrophe) and a pattern's literal ("’tis")
    matcher = PhraseMatcher(
        [("'t Hooft", "hooft", False), ("'s-Hertogenbosch", "bosch", False), ("Nord Stream", "ns", False),
         ("NATO", "nato", True)],
        [("\u2019tis", "tis"), ("'em", "em"), ("n(?:ato|ord)s?", "n")],
    )
    words = ["'t", "\u2019t", "hooft", "'s", "\u2019s", "hertogenbosch", "\u2019tis", "'tis", "'em", "\u2019em", "nord",
             "stream", "nato", "nords", "n"]
    assert matcher._first_parts is not None and matcher._prescan is not False
    for text in _random_texts(7, words, 3000):
        low = _lower(text)
        assert matcher._matches(low) == matcher._regex_matches(low), text
    from datasette_diplomacy.extract import topics

    assert len([t for t, _ in matcher._first_parts if topics._token_may_start(t, "\u2019")]) == 2
