"""One document in, one :class:`~datasette_diplomacy.model.Extraction` out.

``extract_document`` is a pure function of its arguments (no database, no
network), so the loader can run it in worker processes.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .extract.entities import entity_matcher, find_entities
from .extract.headlines import headline_quotes
from .extract.quotes import find_quotes
from .extract.speakers import SpeakerResolver, pronoun_keys, role_head_keys
from .extract.topics import Taxonomy, lowered_for_slices, prescan_together
from .extract.names import key_matches, person_key
from .extract.transcripts import (
    LabelPerson,
    find_turns,
    introduced_people,
    is_role_name,
    looks_like_transcript,
    parse_label,
    same_role,
    title_people,
)
from .ingest.clean import clean_document
from .ingest.metadata import dateline_length
from .model import Document, Extraction, Quote
from .text import paragraph_index, paragraph_spans


def extract_document(doc: Document, taxonomy: Taxonomy | None = None) -> Extraction:
    """Clean ``doc``, find its speakers, quotes, topics and entities."""
    taxonomy = taxonomy or Taxonomy.default()
    article = clean_document(doc)
    body = article.body
    spans = paragraph_spans(body)
    # the dateline ("BRUSSELS, March 3 (Reuters) - ") is nobody's words and names no speaker: blanked (same
    # length, so offsets hold) for the speaker and quote finders
    prose = body
    if spans:
        blank = dateline_length(body[spans[0][0]:spans[0][1]])
        if blank:
            prose = body[:spans[0][0]] + " " * blank + body[spans[0][0] + blank:]

    # the topics', the entities' and the role heads' pre-scans, done once for the document, its quotes included
    topic_text = " ".join(filter(None, [article.title, body]))
    # lower-cased once for the matchers: the body (topic_text ends with it) and the quotes are slices of it
    lowered = lowered_for_slices(topic_text)
    topic_places, entity_places, role_places, pronoun_places = _key_places(taxonomy, topic_text, body, lowered)
    body_at = len(topic_text) - len(body)

    # (the role heads' and pronouns' places are the body's: those of the prose too, unless a dateline was blanked)
    if prose is not body:
        role_places = pronoun_places = None
    resolver = SpeakerResolver(prose, spans, title=article.title, role_places=role_places, pronoun_places=pronoun_places)

    turns = find_turns(body, spans, title=article.title)
    if doc.kind in ("article", "transcript"):
        article.kind = doc.kind
    elif looks_like_transcript(body, turns):
        article.kind = "transcript"

    nameless: set[str] = set()
    detached: set[str] = set()
    label_roles: dict[str, str] = {}
    if article.kind == "transcript" and turns:
        quotes, label_roles = _quotes_from_turns(turns, spans, resolver, body, article.title, nameless, detached)
    else:
        quotes = find_quotes(prose, spans, resolver)
        interview = _interview_turns(turns, resolver)
        if interview:
            # an interview printed in a story: its answers are the speaker's turns, not reports of their first
            # sentence, and its questions nobody's
            asked, _ = _quotes_from_turns(interview, spans, resolver, body, article.title, nameless, detached)
            quotes = [q for q in quotes if not any(t.start <= q.start < t.end for t in interview)] + asked

    def quote_topics(quote: Quote) -> list[str]:
        """``sorted(taxonomy.match(quote.text))``; for a quote that is a slice of ``topic_text`` (those of the
        body), with the pre-scan of ``topic_text`` (see ``PhraseMatcher.slice_key_places``)."""
        start, end = body_at + quote.start, body_at + quote.end
        if topic_places is None or not 0 <= start <= end or topic_text[start:end] != quote.text:
            return sorted(taxonomy.match(quote.text))
        inner = [place - start for place in topic_places[bisect_left(topic_places, start):bisect_right(topic_places, end)]]
        low = lowered[start:end] if lowered is not None else None
        return sorted(taxonomy.match(quote.text, taxonomy.matcher.slice_key_places(quote.text, inner, low), low))

    for quote in quotes:
        quote.topics = quote_topics(quote)
        quote.mentions = [s for s in resolver.mentions_in(quote.start, quote.end) if s != quote.speaker]
    if article.kind == "article":
        # after the body's quotes: a colon label is a speaker only if the body quotes them
        for quote in headline_quotes(article.title, body, spans, resolver, quotes):
            quote.topics = quote_topics(quote)
            quotes.append(quote)
    speakers = resolver.speakers()
    for speaker in speakers:
        if speaker.id in label_roles:
            speaker.role = label_roles[speaker.id]
        if speaker.id in nameless:
            # a role label nobody in the document is known to hold: the store keys it per
            # article, as a role-only person ("President") or, when the "role" is no office
            # ("A:" for Answer), as an anonymous speaker
            speaker.name = speaker.role or speaker.name
            speaker.type = "person" if is_role_name(speaker.name) else "anonymous"
        elif speaker.id in detached:
            speaker.type = "person"
    return Extraction(
        article=article,
        speakers=speakers,
        quotes=sorted(quotes, key=lambda q: (not q.in_title, q.start, q.end)),
        topics=taxonomy.match(topic_text, topic_places, lowered),
        entities=find_entities(body, entity_places, lowered[body_at:] if lowered is not None else None),
    )


def _key_places(taxonomy: Taxonomy, topic_text: str, body: str, lowered: str | None = None
                ) -> tuple[list[int] | None, list[int] | None, list[int] | None, list[int] | None]:
    """The pre-scans of the document's topics (in ``topic_text``: the title, a space, the body), of its
    entities, of its role heads and of its pronouns (in ``body``; see ``speakers.RoleHeadKeys`` and
    ``speakers.PronounKeys``), done in one pass over ``topic_text`` (see ``prescan_together``); Nones
    for those that cannot be. The body is the end of ``topic_text`` after a space (or all of it), and a
    pre-scan reads a text with a space put before it, each character mapped alike wherever it stands
    (see ``PhraseMatcher.slice_key_places``): so the keys found in the body alone are those found in
    ``topic_text`` from that space on, at places ``len(topic_text) - len(body)`` further."""
    roles, pronouns = role_head_keys(), pronoun_keys()
    speakers_keys = tuple(keys for keys in (roles, pronouns) if keys is not None)
    places = prescan_together((taxonomy.matcher, entity_matcher()) + speakers_keys, topic_text, lowered)
    if places is None or not topic_text.endswith(body):
        return None, None, None, None
    body_at = len(topic_text) - len(body)
    topic_places, *body_places = places
    entity_places, *speakers_places = [[place - body_at for place in own if place >= body_at] for own in body_places]
    role_places = speakers_places.pop(0) if roles is not None else None
    pronoun_places = speakers_places.pop(0) if pronouns is not None else None
    return topic_places, entity_places, role_places, pronoun_places


def _interview_turns(turns, resolver: SpeakerResolver) -> list:
    """The question-and-answer pairs of a story that is no transcript ("Question: … / Sergey Lavrov: …"): a
    question turn, then a turn whose label names a person the story names ("A:" or a role is no one)."""
    pairs = []
    for question, answer in zip(turns, turns[1:]):
        if question.kind != "question" or answer.kind == "question" or not answer.label:
            continue
        person = parse_label(answer.label)
        if person.name and not person.anonymous and resolver.find_speaker(person.name) is not None:
            pairs += [question, answer]
    return pairs


def _quotes_from_turns(turns, spans, resolver, body, title, nameless, detached) -> tuple[list[Quote], dict]:
    """Transcript turns become quotes: labelled turns by their speaker, questions by nobody.

    A label without a name ("THE PRESIDENT") is resolved to the person the
    document says holds that role (see :class:`_LabelPeople`); when it cannot be
    told, its speaker id goes into ``nameless`` and keeps the role as its name.
    A surname label that must not merge with another person of that surname in
    the document goes into ``detached``. Also returns the role each labelled
    speaker's label states (speaker id -> role), which wins over roles read in prose.
    """
    people = _LabelPeople(turns, body, title, resolver)
    roles = people.roles
    quotes = []
    for turn in turns:
        speaker = None
        if turn.kind != "question":
            person = parse_label(turn.label) if turn.label else turn.opening_speaker
            if person is not None:
                speaker = people.speaker(person, turn.label, turn.start, nameless, detached)
        quotes.append(
            Quote(
                text=turn.text,
                start=turn.start,
                end=turn.end,
                kind=turn.kind,
                speaker=speaker,
                cue=turn.label,
                paragraph=paragraph_index(spans, turn.start),
            )
        )
    return quotes, roles


# a spokesperson's label names one person, whom the briefing introduces
_SPOKES_WORDS = {"spokesman", "spokeswoman", "spokesperson"}


def _role_then_surname(role: str, surname: str) -> str:
    """The regex of "<role> <surname>" with up to two capitalised words between ("President Joe Biden"), the
    role not after a word character or hyphen. That check follows the role, as a look-behind over it and
    the character before: the same matches as a look-behind before it, but a pattern that starts with a
    literal is found by a fast string search, and one that starts with a look-behind is tried everywhere."""
    role = re.escape(role)
    return rf"{role}(?<![\w-]{role})\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}{re.escape(surname)}\b"


class _LabelPeople:
    """Who the labels of one transcript stand for.

    * A surname label ("MS. PSAKI") takes the full name of the one person of the
      title with that surname ("Press Briefing by Press Secretary Jen Psaki"), or of the
      header before the first turn ("Ned Price, Department Spokesperson" above "MR PRICE:").
    * A nameless role label ("THE PRESIDENT", or a title naming only a role) is
      the one holder of that role named by, in this order: the title ("Remarks by
      President Biden ..."; people with a label of their own are set aside when
      the title names several), an introduction before the label's first turn
      ("... the President of the United States, Joe Biden"), or the one person
      the resolver knows with exactly that role and a full name. Two or more
      holders at the first source that has any ("Remarks by President Biden and
      President Macron") leave the label nameless: not a guess.
    """

    def __init__(self, turns, body, title, resolver):
        self.body = body
        self.resolver = resolver
        self.title_people = title_people(title)
        self.first_turn: dict[str, int] = {}
        self.label_keys: set[str] = set()
        first = min((turn.start for turn in turns), default=0)
        self.header_people = [e.name for e in getattr(resolver, "_entities", ())
                              if e.type == "person" and e.first_pos < first and "|" in (person_key(e.name) or "")]
        for turn in turns:
            if turn.kind == "question" or not turn.label:
                continue
            self.first_turn.setdefault(turn.label, turn.start)
            person = parse_label(turn.label)
            if person.name and not person.anonymous:
                key = person_key(person.name)
                if key:
                    self.label_keys.add(key)
        self._holders: dict[str, str | None] = {}
        self._speakers: dict[tuple, str | None] = {}
        # speaker id -> the role its label (or the title) states: better than one read in prose
        self.roles: dict[str, str] = {}

    def speaker(self, person: LabelPerson, label: str | None, start: int, nameless: set,
                detached: set) -> str | None:
        """The speaker id of a turn: one answer per label (and per title speaker)."""
        cache_key = (person.name, person.role, person.anonymous, label)
        if cache_key not in self._speakers:
            speaker = self._speaker(person, label, start, nameless, detached)
            self._speakers[cache_key] = speaker
            role = (person.role if person.role != "Answer" else None) or self.roles.pop(("pending", label), None)
            if speaker and role and not person.anonymous:
                self.roles.setdefault(speaker, role)
        return self._speakers[cache_key]

    def _speaker(self, person: LabelPerson, label: str | None, start: int, nameless: set,
                 detached: set) -> str | None:
        name, role = person.name, person.role
        if role == "Answer" and not name:
            # "A:" in "Sergey Lavrov's interview with Kommersant": the one person the title names answers
            named = self._distinct(p.name for p in self.title_people if p.name)
            if not named:
                # or the one person named in full before the first turn: "In an exclusive interview, Ukraine's
                # foreign minister Dmytro Kuleba spoke to our correspondent"
                named = self._distinct(self.header_people)
            if len(named) == 1:
                return self._speaker(LabelPerson(named[0], None, False), label, start, nameless, detached)
        if person.anonymous and not name and role and role.split()[-1].lower() in _SPOKES_WORDS:
            # "Spokesman:" after "Stéphane Dujarric, Spokesman for the Secretary-General:" opened the briefing
            same = {sid for sid, r in self.roles.items()
                    if isinstance(sid, str) and r.split()[:1] and r.split()[0].lower() == role.lower()}
            if len(same) == 1:
                return same.pop()
            holder = self._holder(role, label, start)
            if holder:
                return self._speaker(LabelPerson(holder, role, False), label, start, nameless, detached)
        if person.anonymous:
            return self.resolver.add_person(name=name, role=role, type="anonymous", alias=label)
        if name:
            name = self._full_name(name, role)
            if not role:
                # "MS. PSAKI" in "Press Briefing by Press Secretary Jen Psaki": the title's role
                role = next((p.role for p in self.title_people if p.name == name and p.role), None)
                if role:
                    self.roles.setdefault(("pending", label), role)
            if not self._other_holder(name, role):
                speaker = self.resolver.add_person(name=name, role=role, type="person", alias=label)
                found = self.resolver.display_name(speaker)
                if speaker is None or found is None or key_matches(person_key(name) or "", person_key(found) or ""):
                    return speaker
            # "PRESIDENT BIDEN" where the document knows "First Lady Jill Biden": not her
            speaker = self.resolver.add_person(name=name, role=role, type="detached", alias=label)
            if speaker:
                detached.add(speaker)
            return speaker
        if not role:
            return None
        holder = self._holder(role, label, start)
        if holder:
            return self._speaker(LabelPerson(holder, role, False), label, start, nameless, detached)
        speaker = self.resolver.add_person(name=None, role=role, type="nameless", alias=label)
        if speaker:
            nameless.add(speaker)
        return speaker

    def _full_name(self, name: str, role: str | None) -> str:
        """A surname alone becomes the full name of the one person with that surname (and
        the label's role, when it states one) that the title or an introduction names, or
        the resolver knows with that role."""
        key = person_key(name)
        if not key or "|" in key:
            return name
        title = [p.name for p in self.title_people
                 if key_matches(key, person_key(p.name) or "") and (not role or not p.role or same_role(role, p.role))]
        for names in self._name_sources(title, role):
            found = self._distinct(n for n in names if key_matches(key, person_key(n) or ""))
            if found:
                if len(found) == 1 and "|" in (person_key(found[0]) or ""):
                    return found[0]
                return name
        return name

    def _name_sources(self, title: list[str], role: str | None):
        """The lists :meth:`_full_name` looks in, in order, each made only when the ones before it did
        not settle the name (the body's introductions and the known holders each search the whole body)."""
        yield title
        yield introduced_people(self.body, role) if role else []
        yield self._known_holders(role) if role else []
        yield self.header_people

    def _holder(self, role: str, label: str | None, start: int) -> str | None:
        cache_key = role.lower()
        if cache_key in self._holders:
            return self._holders[cache_key]
        holder = None
        names = self._distinct(p.name for p in self.title_people if same_role(role, p.role))
        if len(names) > 1:
            names = self._distinct(n for n in names
                                   if not any(key_matches(person_key(n), k) for k in self.label_keys))
            holder = names[0] if len(names) == 1 else None
        elif names:
            holder = names[0]
        else:
            first = self.first_turn.get(label, start) if label else start
            names = self._distinct(introduced_people(self.body[:first], role))
            if not names:
                names = self._distinct(self._known_holders(role))
            holder = names[0] if len(names) == 1 else None
        if holder:
            holder = self._full_name(holder, role)
        self._holders[cache_key] = holder
        return holder

    def _known_holders(self, role: str) -> list[str]:
        """Full-named people the resolver has seen with ``role`` and the body calls
        "<role> <surname>" ("President Biden") somewhere: a role the resolver read from
        a looser phrase is not enough."""
        found = []
        for entity in getattr(self.resolver, "_entities", ()):
            if getattr(entity, "type", None) != "person" or is_role_name(entity.name):
                continue
            if "|" not in (person_key(entity.name) or ""):
                continue
            if not any(same_role(role, r) for r in getattr(entity, "roles", ())):
                continue
            surname = entity.name.split()[-1]
            if re.search(_role_then_surname(role, surname), self.body):
                found.append(entity.name)
        return found

    def _other_holder(self, name: str, role: str | None) -> bool:
        """True when ``name`` is a surname alone, the label states a role, and the title
        names a full-named person with that surname and another role, or the resolver
        knows full-named people with that surname, none of them with that role."""
        key = person_key(name)
        if not role or not key or "|" in key:
            return False
        for p in self.title_people:
            # the title states roles best: "President Biden and First Lady Jill Biden"
            title_key = person_key(p.name) or ""
            if "|" in title_key and key_matches(key, title_key) and p.role and not same_role(role, p.role):
                return True
        others = []
        for entity in getattr(self.resolver, "_entities", ()):
            entity_key = person_key(entity.name) if getattr(entity, "type", None) == "person" else None
            if entity_key == key and any(same_role(role, r) for r in getattr(entity, "roles", ())):
                return False  # the text itself calls someone "President Biden"
            if entity_key and "|" in entity_key and key_matches(key, entity_key):
                others.append(entity)
        return bool(others) and not any(same_role(role, r) for e in others for r in getattr(e, "roles", ()))

    @staticmethod
    def _distinct(names) -> list[str]:
        """Names with one entry per person (the fullest spelling), in order."""
        by_key: dict[str, str] = {}
        for name in names:
            key = person_key(name or "")
            if not key:
                continue
            merged = next((k for k in by_key if key_matches(key, k)), None)
            if merged is None:
                by_key[key] = name
            elif "|" in key and "|" not in merged:
                del by_key[merged]
                by_key[key] = name
        return list(by_key.values())
