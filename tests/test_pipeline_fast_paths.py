"""``pipeline._role_then_surname`` (the role's look-behind after it) finds what the look-behind first finds."""
import random
import re

from datasette_diplomacy import pipeline as P


def test_role_then_surname_is_the_look_behind_first_pattern():
    rng = random.Random(3)
    pieces = ["President", "president", "Vice President", "Press Secretary", "Biden", "Joe", "-", "x", " ", "\n",
              "  ", ".", "Mr.", "Secretary", "Psaki", "Jen", "_", "A"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for role, surname in (("President", "Biden"), ("Press Secretary", "Psaki"), ("Secretary", "Psaki")):
            plain = rf"(?<![\w-]){re.escape(role)}\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}{re.escape(surname)}\b"
            fast = re.search(P._role_then_surname(role, surname), text)
            plain = re.search(plain, text)
            assert (fast and fast.span()) == (plain and plain.span()), (role, text)
