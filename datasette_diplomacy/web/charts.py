"""How speakers are drawn: a stable colour per speaker, and the server-side SVG charts.

Colours: hues step by the golden angle from the speaker id, which keeps
consecutive ids (the most-quoted speakers of one load are usually close
together) far apart on the colour wheel without storing anything; the same
speaker has the same colour on every page and every load.

Charts are plain SVG (no JavaScript, no CDN); every text node is escaped.
"""
from __future__ import annotations

import datetime

from markupsafe import Markup, escape

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


WIDTH = 720
HEIGHT = 200
MARGIN_LEFT = 36
MARGIN_BOTTOM = 34
MARGIN_TOP = 12


def _bucket(day: datetime.date, unit: str) -> datetime.date:
    if unit == "week":
        return day - datetime.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(day: datetime.date, unit: str) -> datetime.date:
    if unit == "week":
        return day + datetime.timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return day + datetime.timedelta(days=1)


def timeline_svg(timeline: list[dict], speakers: list[dict]) -> Markup:
    """Grouped bars of quotes per day (per week or month over long ranges).

    ``timeline`` is the comparison's ``[{"date", "speakers": [{"speaker_id",
    "quotes"}]}]``; ``speakers`` gives names and colours. Returns "" when empty.
    """
    days = []
    for entry in timeline:
        try:
            days.append((datetime.date.fromisoformat(entry["date"]), entry["speakers"]))
        except (TypeError, ValueError):
            continue  # a date the loader could not normalise is not plotted
    if not days:
        return Markup("")
    first, last = days[0][0], days[-1][0]
    span = (last - first).days
    unit = "day" if span <= 92 else "week" if span <= 3 * 365 else "month"
    counts: dict = {}
    for day, entries in days:
        bucket = counts.setdefault(_bucket(day, unit), {})
        for e in entries:
            bucket[e["speaker_id"]] = bucket.get(e["speaker_id"], 0) + e["quotes"]
    buckets = []
    cursor = _bucket(first, unit)
    while cursor <= last:
        buckets.append(cursor)
        cursor = _next(cursor, unit)
    peak = max((n for b in counts.values() for n in b.values()), default=0) or 1
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_w / len(buckets)
    bar = max(slot * 0.8 / max(len(speakers), 1), 1)
    parts = [
        f'<svg class="dq-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="dq-timeline-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="dq-timeline-title">Quotes per {unit}, {escape(first.isoformat())} to '
        f'{escape(last.isoformat())}</title>',
        f'<line x1="{MARGIN_LEFT}" y1="{MARGIN_TOP + plot_h}" x2="{WIDTH - 8}" '
        f'y2="{MARGIN_TOP + plot_h}" stroke="#888"/>',
        f'<text x="{MARGIN_LEFT - 4}" y="{MARGIN_TOP + 8}" text-anchor="end" '
        f'font-size="11">{peak}</text>',
        f'<text x="{MARGIN_LEFT - 4}" y="{MARGIN_TOP + plot_h}" text-anchor="end" '
        f'font-size="11">0</text>',
    ]
    for i, bucket in enumerate(buckets):
        x0 = MARGIN_LEFT + i * slot + slot * 0.1
        for j, s in enumerate(speakers):
            n = counts.get(bucket, {}).get(s["id"], 0)
            if not n:
                continue
            h = plot_h * n / peak
            label = f"{s['name']}: {n} quote{'s' if n != 1 else ''} ({unit} of {bucket.isoformat()})"
            parts.append(
                f'<rect x="{x0 + j * bar:.1f}" y="{MARGIN_TOP + plot_h - h:.1f}" '
                f'width="{bar:.1f}" height="{h:.1f}" fill="{escape(s["colour"])}">'
                f"<title>{escape(label)}</title></rect>"
            )
    step = max(1, len(buckets) // 6)
    for i in range(0, len(buckets), step):
        x = MARGIN_LEFT + (i + 0.5) * slot
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 14}" text-anchor="middle" font-size="11">'
            f"{escape(buckets[i].isoformat())}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
