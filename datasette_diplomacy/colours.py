"""A stable colour for each speaker, the same on every page and every load.

Hues step by the golden angle from the speaker id, which keeps consecutive ids
(the most-quoted speakers of one load are usually close together) far apart on
the colour wheel without storing anything.
"""
from __future__ import annotations

GOLDEN_ANGLE = 137.508

UNATTRIBUTED = {"hue": 0, "background": "hsl(0, 0%, 88%)", "border": "hsl(0, 0%, 45%)",
                "solid": "hsl(0, 0%, 45%)"}


def speaker_colour(speaker_id: int | None) -> dict:
    """Background, border and solid (chart) colours for ``speaker_id`` (grey if None)."""
    if speaker_id is None:
        return dict(UNATTRIBUTED)
    hue = round((int(speaker_id) * GOLDEN_ANGLE) % 360)
    return {
        "hue": hue,
        "background": f"hsl({hue}, 85%, 88%)",
        "border": f"hsl({hue}, 60%, 38%)",
        "solid": f"hsl({hue}, 55%, 45%)",
    }
