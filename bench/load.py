"""Drive a server with wrk (Debian's package) and read throughput and latency percentiles from its report."""

import re
import subprocess
from dataclasses import asdict, dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
LOOPBACK = "http://127.0.0.1:"


@dataclass
class LoadResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int

    def as_dict(self) -> dict:
        return asdict(self)


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(report: str) -> LoadResult:
    # wrk pads seconds ("2.41s ") to the width of "ms" values: trailing blanks are allowed.
    percentiles = dict(re.findall(r"^\s+(50|99)\.000%\s+(\S+)\s*$", report, re.M)) or dict(
        re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", report, re.M)
    )
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", report))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
    missing = "nan"  # no request finished within the run: no percentiles to report
    return LoadResult(
        requests_per_s=float(re.search(r"Requests/sec:\s+([\d.]+)", report).group(1)),
        p50_ms=_ms(percentiles["50"]) if "50" in percentiles else float(missing),
        p99_ms=_ms(percentiles["99"]) if "99" in percentiles else float(missing),
        requests=int(re.search(r"(\d+) requests in", report).group(1)),
        errors=errors + (int(non_2xx.group(1)) if non_2xx else 0),
    )


def command(url: str, *, concurrency: int, seconds: float, host: str, threads: int = 2) -> list[str]:
    if not url.startswith(LOOPBACK):
        raise ValueError("the benchmark only drives servers on this machine's loopback (127.0.0.1)")
    return [
        "wrk",
        f"-t{min(threads, concurrency)}",
        f"-c{concurrency}",
        f"-d{max(1, round(seconds))}s",  # wrk takes whole seconds
        "--timeout",
        "60s",  # a slow page under load is a long latency in the report, not an error
        "--latency",
        "-H",
        f"Host: {host}",  # every variant sees the same Host, so absolute links in the JSON are the same bytes
        url,
    ]


def drive(url: str, *, concurrency: int, seconds: float, host: str = "127.0.0.1") -> LoadResult:
    """A closed-loop load of `concurrency` connections for `seconds` against one URL on this machine."""
    argv = command(url, concurrency=concurrency, seconds=seconds, host=host)
    report = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=seconds + 90).stdout
    return parse(report)
