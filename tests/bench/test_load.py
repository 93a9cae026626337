"""The benchmark reads wrk's report and only ever drives this machine's loopback."""

import pytest

from bench import load
from bench.run import duration

REPORT = """Running 1s test @ http://127.0.0.1:18703/api/v1/meetings/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.20ms    2.10ms  30.00ms   95.00%
    Req/Sec     3.50k   400.00     4.00k    80.00%
  Latency Distribution
     50%  800.00us
     75%    1.10ms
     90%    1.50ms
     99%    1.20s
  7000 requests in 1.00s, 1.20MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 3
Requests/sec:   6990.12
Transfer/sec:      1.20MB
"""


def test_it_reads_rate_percentiles_and_errors_from_the_report():
    result = load.parse(REPORT)
    assert result.requests_per_s == 6990.12
    assert result.p50_ms == pytest.approx(0.8)
    assert result.p99_ms == pytest.approx(1200.0)
    assert result.requests == 7000
    assert result.errors == 6  # two reads, one timeout, three non-2xx


def test_it_sends_every_variant_the_same_host():
    argv = load.command("http://127.0.0.1:18701/x", concurrency=8, seconds=2.0, host="127.0.0.1")
    assert argv[argv.index("-H") + 1] == "Host: 127.0.0.1"
    assert "-d2s" in argv and "-c8" in argv


@pytest.mark.parametrize("url", ["http://example.org/", "http://10.0.0.1:80/", "http://localhost.evil:1/"])
def test_it_refuses_anything_but_the_loopback(url):
    with pytest.raises(ValueError):
        load.command(url, concurrency=1, seconds=1, host="127.0.0.1")


def test_a_slow_page_gets_a_longer_run_but_never_past_the_cap():
    assert duration(3, one_request=0.001, concurrency=8, workers=2) == 3
    assert duration(3, one_request=0.5, concurrency=8, workers=2) == 8
    assert duration(3, one_request=5.0, concurrency=32, workers=2) == 10


def test_a_run_where_nothing_finished_reads_as_zero_without_percentiles():
    report = "Running 1s test @ http://127.0.0.1:1/\n  0 requests in 1.00s, 0.00B read\nRequests/sec:      0.00\n"
    result = load.parse(report)
    assert result.requests_per_s == 0 and result.requests == 0
    assert result.p50_ms != result.p50_ms  # NaN: the report shows a dash


def test_it_reads_latencies_of_whole_seconds_that_wrk_pads_with_a_blank():
    report = REPORT.replace("     99%    1.20s\n", "     99%    2.41s \n")
    assert load.parse(report).p99_ms == pytest.approx(2410.0)
