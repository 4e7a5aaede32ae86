"""Links between the plugin's pages, and into Datasette's ``quotes_view`` table page."""
from __future__ import annotations

from urllib.parse import urlencode


class Links:
    """URLs of one database's speaker pages, article quotes, comparisons and quotes."""

    def __init__(self, datasette, database: str):
        self.ds = datasette
        self.database = database

    def _path(self, path: str, pairs) -> str:
        return self.ds.urls.path(f"{path}?{urlencode(list(pairs) + [('database', self.database)])}")

    def speaker(self, speaker_id) -> str:
        return self._path(f"/-/diplomacy/speaker/{int(speaker_id)}", [])

    def quote(self, article_id, quote_id) -> str:
        return self._path(f"/-/diplomacy/article/{int(article_id)}", []) + f"#quote-{int(quote_id)}"

    def comparison_of(self, speaker_ids) -> str:
        return self._path("/-/diplomacy/compare", [("speaker", str(s)) for s in speaker_ids])

    def quotes(self, pairs) -> str:
        """Datasette's quotes_view page filtered by ``pairs`` (it exports JSON and CSV)."""
        pairs = list(pairs)
        return self.ds.urls.table(self.database, "quotes_view") + (
            "?" + urlencode(pairs) if pairs else ""
        )


def topic_filter(topic: dict) -> tuple[str, str]:
    """The quotes_view filter for ``{"id", "name"}`` (id None: quotes without a topic)."""
    if topic["id"] is None:
        return ("topics", "[]")
    return ("topics__arraycontains", topic["name"])
