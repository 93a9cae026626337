"""People exchanged over time as geometry for an inline SVG: one stepped line per releasing side of the cumulative
count, a shaded band where the sides' figures differ (low to high), and the agreed total as a dashed line."""

import datetime
from dataclasses import dataclass, field

WIDTH, HEIGHT = 760, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 20, 40
STYLES = ["a", "b", "c", "d"]


@dataclass
class Series:
    name: str
    agreed: int = 0
    steps: list[tuple[datetime.date, int, int]] = field(default_factory=list)  # (day, released low, high)
    style: str = "a"
    line: str = ""
    band: str = ""
    agreed_y: float | None = None
    points: list[dict] = field(default_factory=list)

    @property
    def total_low(self) -> int:
        return sum(low for _, low, _ in self.steps)

    @property
    def total_high(self) -> int:
        return sum(high for _, _, high in self.steps)


@dataclass
class Chart:
    series: list[Series]
    ticks_x: list[dict] = field(default_factory=list)
    ticks_y: list[dict] = field(default_factory=list)
    empty: bool = True
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom_y: int = HEIGHT - BOTTOM
    right_x: int = WIDTH - RIGHT


def _nice_step(value: int) -> int:
    """A round step that splits the axis into at most five parts."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 25000, 50000):
        if value <= step * 5:
            return step
    return -(-value // 5)


def build(series: list[Series], start: datetime.date | None, end: datetime.date) -> Chart:
    chart = Chart(series=series[: len(STYLES)])
    days = [d for s in chart.series for d, _, _ in s.steps]
    chart.empty = not days
    # The axis runs to today only while today is near the last stage, so old exchanges are not squeezed to a corner.
    last_event = max(days) if days else (start or end)
    if (end - last_event).days > 90:
        end = last_event + datetime.timedelta(days=14)
    first = min([*days, start or end, end]) - datetime.timedelta(days=3)
    last = max([*days, end]) + datetime.timedelta(days=3)
    span = max(1, (last - first).days)
    peak = max([1, *(max(s.agreed, s.total_high) for s in chart.series)])
    step_y = _nice_step(peak)
    top = -(-peak // step_y) * step_y

    def x_of(day):
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span

    def y_of(count):
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * count / top

    chart.ticks_y = [{"y": y_of(v), "label": f"{v:,}"} for v in range(0, top + 1, step_y)]
    step = max(1, span // 6)
    chart.ticks_x = [
        {
            "x": x_of(first + datetime.timedelta(days=i)),
            "label": (first + datetime.timedelta(days=i)).strftime("%d %b %Y"),
        }
        for i in range(step, span, step)
    ][:6]
    for style, s in zip(STYLES, chart.series, strict=False):
        s.style = style
        s.agreed_y = y_of(s.agreed) if s.agreed else None
        low = high = 0
        line = [f"M{x_of(first):.1f},{y_of(0):.1f}"]
        upper, lower = [(x_of(first), y_of(0))], [(x_of(first), y_of(0))]
        for day, add_low, add_high in sorted(s.steps):
            x = x_of(day)
            line.append(f"H{x:.1f}V{y_of(low + add_low):.1f}")
            upper += [(x, y_of(high)), (x, y_of(high + add_high))]
            lower += [(x, y_of(low)), (x, y_of(low + add_low))]
            low, high = low + add_low, high + add_high
            s.points.append({"x": x, "y": y_of(low), "day": day, "low": low, "high": high})
        line.append(f"H{x_of(last):.1f}")
        s.line = "".join(line)
        if low != high:
            outline = [*upper, (x_of(last), y_of(high)), (x_of(last), y_of(low)), *reversed(lower)]
            s.band = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in outline) + "Z"
    return chart
