"""The track timeline as geometry: a date axis, one marker per round (shape and colour by status), uncertain dates
as hatched ranges, long gaps between rounds measured. The template draws it as inline SVG, so it needs no script."""

import datetime
from dataclasses import dataclass, field

from talks import display
from talks.models import Meeting, MeetingSession

WIDTH = 1000
LEFT, RIGHT = 40, 40
AXIS_Y = 150
LANE_GAP = 34
MIN_SPACING = 26
GAP_DAYS = 45
S = Meeting.Status

# Shape AND colour tell the status, so the chart reads in greyscale and to colour-blind readers.
SHAPES = {
    S.HELD: "circle",
    S.CONCLUDED: "square",
    S.PAUSED: "pause",
    S.SCHEDULED: "diamond",
    S.PROPOSED: "ring",
    S.POSTPONED: "triangle",
    S.CANCELLED: "cross",
}


def shape_path(shape: str, x: float, y: float, r: float = 9) -> str:
    if shape == "square":
        return f"M{x - r:.1f},{y - r:.1f}h{2 * r}v{2 * r}h{-2 * r}z"
    if shape == "diamond":
        return f"M{x:.1f},{y - r - 2:.1f}l{r + 2},{r + 2}l{-r - 2},{r + 2}l{-r - 2},{-r - 2}z"
    if shape == "triangle":
        return f"M{x:.1f},{y - r - 1:.1f}l{r + 1},{2 * r + 1}h{-2 * r - 2}z"
    if shape == "cross":
        return f"M{x - r:.1f},{y - r:.1f}l{2 * r},{2 * r}M{x + r:.1f},{y - r:.1f}l{-2 * r},{2 * r}"
    # circle, ring and pause share the disc; the template adds the pause bars.
    return f"M{x - r:.1f},{y:.1f}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0"


@dataclass
class Marker:
    meeting: Meeting
    x: float
    y: float
    shape: str
    path: str
    label: str
    date_text: str
    range_x: tuple[float, float] | None = None
    possible_resumption: bool = False


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Gap:
    x1: float
    x2: float
    label: str

    @property
    def middle(self) -> float:
        return (self.x1 + self.x2) / 2


@dataclass
class Timeline:
    markers: list[Marker] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    undated: list[Meeting] = field(default_factory=list)
    today_x: float | None = None
    width: int = WIDTH
    height: int = AXIS_Y + 70
    axis_y: int = AXIS_Y


def _span(meetings, today) -> tuple[datetime.date, datetime.date]:
    days = []
    for meeting in meetings:
        start, end = display.date_range(display.meeting_day(meeting), meeting.date_precision, meeting.date_qualifier)
        days += [start, end]
    first, last = min(days), max(days)
    if today and first <= today <= last + datetime.timedelta(days=60):
        last = max(last, today)
    pad = max(datetime.timedelta(days=7), (last - first) / 20)
    return first - pad, last + pad


def _ticks(first: datetime.date, last: datetime.date, x_of) -> list[Tick]:
    span = (last - first).days
    ticks = []
    if span > 3 * 365:
        for year in range(first.year + 1, last.year + 1):
            ticks.append(Tick(x_of(datetime.date(year, 1, 1)), str(year)))
        return ticks
    step = 1 if span <= 400 else 3
    month = datetime.date(first.year, first.month, 1)
    while month <= last:
        if month >= first and (month.month - 1) % step == 0:
            label = month.strftime("%b %Y") if month.month == 1 or not ticks else month.strftime("%b")
            ticks.append(Tick(x_of(month), label))
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if span < 62:
        ticks = [Tick(x_of(d), f"{d.day} {d:%b}") for d in _weekly(first, last)]
    return ticks


def _weekly(first, last):
    day = first + datetime.timedelta(days=(7 - first.weekday()) % 7)
    while day <= last:
        yield day
        day += datetime.timedelta(days=7)


def _gap_label(days: int) -> str:
    if days >= 60:
        return f"{round(days / 30.4)} months without a round"
    return f"{days} days without a round"


def build(meetings: list[Meeting], today: datetime.date | None = None) -> Timeline:
    timeline = Timeline()
    dated = [m for m in meetings if display.meeting_day(m) is not None]
    timeline.undated = [m for m in meetings if display.meeting_day(m) is None]
    if not dated:
        return timeline
    dated.sort(key=lambda m: (display.meeting_day(m), m.sequence))
    first, last = _span(dated, today)
    total = max(1, (last - first).days)

    def x_of(day):
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / total

    timeline.ticks = _ticks(first, last, x_of)
    if today and first <= today <= last:
        timeline.today_x = x_of(today)
    lane_ends: list[float] = []
    for meeting in dated:
        day = display.meeting_day(meeting)
        x = x_of(day)
        # Rounds close in time stack in up to three lanes so their markers stay apart.
        lane = next((i for i, end in enumerate(lane_ends) if x - end >= MIN_SPACING), None)
        if lane is None and len(lane_ends) < 3:
            lane_ends.append(x)
            lane = len(lane_ends) - 1
        elif lane is None:
            lane = min(range(3), key=lambda i: lane_ends[i])
        lane_ends[lane] = x
        y = AXIS_Y - 40 - lane * LANE_GAP
        shape = SHAPES.get(meeting.status, "circle")
        marker = Marker(
            meeting=meeting,
            x=x,
            y=y,
            shape=shape,
            path=shape_path(shape, x, y),
            label=meeting.title or f"Round {meeting.sequence}",
            date_text=display.meeting_date_text(meeting),
            possible_resumption=any(s.status == MeetingSession.Status.POSSIBLE for s in meeting.sessions.all()),
        )
        if display.is_uncertain(meeting):
            start, end = display.date_range(day, meeting.date_precision, meeting.date_qualifier)
            marker.range_x = (x_of(start), max(4.0, x_of(end) - x_of(start)))  # (left, width)
            # The marker sits mid-range: a date known to the month is no more the 1st than the 30th.
            marker.x = x_of(start) + marker.range_x[1] / 2
            marker.path = shape_path(shape, marker.x, y)
        timeline.markers.append(marker)
    for before, after in zip(dated, dated[1:], strict=False):
        days = (display.meeting_day(after) - display.meeting_day(before)).days
        if days >= GAP_DAYS:
            timeline.gaps.append(
                Gap(x_of(display.meeting_day(before)), x_of(display.meeting_day(after)), _gap_label(days))
            )
    return timeline


def legend() -> list[dict]:
    return [
        {"status": status, "label": status.label, "shape": shape, "path": shape_path(shape, 12, 12, 7)}
        for status, shape in SHAPES.items()
    ]
