"""bench/RESULTS.md from the run's results: absolute figures with the machine they came from, judgements by ratio."""

NAMES = {
    "api_list_p100": "API round list, page 100, include=delegations,demands",
    "api_detail": "API round detail, everything inlined",
    "api_first": "API round list, first page",
    "api_deep": "API round list, deep cursor (last page)",
    "api_sync": "API sync page (updated_since)",
    "api_csv": "API filtered CSV export (demands)",
    "page_track": "Page: track timeline",
    "page_round": "Page: round",
    "page_search": "Page: search",
}


def _run(point, endpoint, variant, c):
    return next(
        (r for r in point["runs"] if (r["endpoint"], r["variant"], r["concurrency"]) == (endpoint, variant, c)), None
    )


def _ratio(a, b) -> str:
    return f"{a['requests_per_s'] / b['requests_per_s']:.2f}" if a and b and b["requests_per_s"] else "–"


def _cell(run) -> str:
    if not run:
        return "– | – | –"
    if not run["requests"]:
        return "0 (none finished) | – | –"
    errors = f" ({run['errors']} err)" if run["errors"] else ""
    return f"{run['requests_per_s']:.1f}{errors} | {run['p50_ms']:.1f} | {run['p99_ms']:.1f}"


def throughput(point, c) -> list[str]:
    lines = [
        f"#### Concurrency {c}",
        "",
        "| endpoint | project req/s | p50 ms | p99 ms | cache off req/s | p50 ms | p99 ms | B1 req/s | p50 ms "
        "| p99 ms | B0 req/s | p50 ms | p99 ms | project/B1 | cache off/B1 | project/B0 | cache off/B0 |",
        "|---|" + "--:|" * 16,
    ]
    for endpoint, label in NAMES.items():
        project, nocache, b1, b0 = (_run(point, endpoint, v, c) for v in ("project", "nocache", "b1", "b0"))
        if project:
            lines.append(
                f"| {label} | {_cell(project)} | {_cell(nocache)} | {_cell(b1)} | {_cell(b0)} "
                f"| {_ratio(project, b1)} | {_ratio(nocache, b1)} | {_ratio(project, b0)} | {_ratio(nocache, b0)} |"
            )
    return [*lines, ""]


def costs(points) -> list[str]:
    head = " | ".join(f"queries {p['label']}" for p in points)
    lines = [
        f"| endpoint | {head} | bytes (largest) | B1 byte-identical |",
        "|---|" + "--:|" * len(points) + "--:|---|",
    ]
    largest = points[-1]
    for endpoint, label in NAMES.items():
        queries = " | ".join(str(p["probe"]["costs"][endpoint]["queries"]) for p in points)
        identity = largest["identity"].get(endpoint)
        same = "–" if identity is None else ("yes" if identity["identical"] else "**no**")
        lines.append(f"| {label} | {queries} | {largest['probe']['costs'][endpoint]['bytes']:,} | {same} |")
    return [*lines, ""]


def scaling(points) -> list[str]:
    return _scaling(points, "project", "project") + _scaling(points, "nocache", "project, caches off")


def _scaling(points, variant, title) -> list[str]:
    if not any(r["variant"] == variant for r in points[-1]["runs"]):
        return []
    head = " | ".join(f"{p['label']} req/s · p99 ms" for p in points)
    lines = [
        f"| endpoint ({title}, concurrency 8) | {head} | 100×/1× req/s |",
        "|---|" + "--:|" * (len(points) + 1),
    ]
    for endpoint, label in NAMES.items():
        runs = [_run(p, endpoint, variant, 8) for p in points]
        if not runs[-1]:
            continue
        cells = " | ".join(f"{r['requests_per_s']:.1f} · {r['p99_ms']:.1f}" if r else "–" for r in runs)
        lines.append(f"| {label} | {cells} | {_ratio(runs[-1], runs[0])} |")
    if variant != "project":
        return [*lines, ""]
    claims = [p["dispatch"][0] for p in points]
    cells = " | ".join(f"{c['per_second']:,.0f} ({c['rows']:,} rows)" for c in claims)
    lines.append(
        f"| Reminder claims/s, 1 dispatcher | {cells} | {claims[-1]['per_second'] / claims[0]['per_second']:.2f} |"
    )
    return [*lines, ""]


def memory(point) -> list[str]:
    lines = ["| variant | peak RSS per worker (VmHWM), MB |", "|---|---|"]
    for variant, peaks in point["memory_kb"].items():
        lines.append(f"| {variant} | {', '.join(f'{kb / 1024:.0f}' for kb in peaks)} |")
    return [*lines, ""]


def dispatcher(point) -> list[str]:
    lines = [
        "| dispatchers | rows in table | due | claimed | duplicates | queued in db | seconds | claims/s "
        "| per dispatcher |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for c in point["dispatch"]:
        lines.append(
            f"| {c['processes']} | {c['rows']:,} | {c['due']:,} | {c['claimed']:,} | {c['duplicates']} "
            f"| {c['queued_in_db']:,} | {c['seconds']:.2f} | {c['per_second']:,.0f} "
            f"| {c['per_second'] / c['processes']:,.0f} |"
        )
    lines += [
        "",
        "| dispatchers | reminders falling due | sent | sent twice | due→sent p50 ms | p99 ms |",
        "|--:|--:|--:|--:|--:|--:|",
    ]
    for lat in point["latency"]:
        lines.append(
            f"| {lat['processes']} | {lat['rows']} | {lat['sent']} | {lat['sent_twice']} | {lat['p50_ms']:.0f} "
            f"| {lat['p99_ms']:.0f} |"
        )
    return [*lines, ""]


def verdicts(points) -> list[str]:
    big, small = points[-1], points[0]
    out = []

    def line(ok, text):
        out.append(f"- {'MET' if ok else '**NOT MET**'}: {text}")

    built = "nocache" if _run(big, "api_first", "nocache", 8) else "project"
    for endpoint in ("api_list_p100", "api_detail"):
        same = big["identity"][endpoint]["identical"]
        for variant, how in (("project", "as deployed (caches on)"), ("nocache", "every read built")):
            p, b1 = _run(big, endpoint, variant, 8), _run(big, endpoint, "b1", 8)
            if not p:
                continue
            ratio = p["requests_per_s"] / b1["requests_per_s"]
            line(
                ratio >= 0.5 and same,
                f"{NAMES[endpoint]}, {how}: {ratio:.2f} of B1's throughput at concurrency 8 "
                f"({p['requests_per_s']:.1f} vs {b1['requests_per_s']:.1f} req/s; target ≥ 0.5), "
                f"JSON byte-identical: {'yes' if same else 'no'}",
            )
    deep, first = _run(big, "api_deep", built, 8), _run(big, "api_first", built, 8)
    ratio = deep["p99_ms"] / first["p99_ms"]
    line(
        ratio <= 1.5,
        f"deep cursor page p99 {deep['p99_ms']:.1f} ms = {ratio:.2f}× the first page's {first['p99_ms']:.1f} ms "
        "(target ≤ 1.5×, concurrency 8, every read built)",
    )
    s_big, s_small = _run(big, "api_sync", built, 8), _run(small, "api_sync", built, 8)
    ratio = s_small["requests_per_s"] / s_big["requests_per_s"]
    line(
        ratio <= 1.3,
        f"sync page at 100× data serves {1 / ratio:.2f} of its 1× throughput ({s_big['requests_per_s']:.1f} vs "
        f"{s_small['requests_per_s']:.1f} req/s, every read built; cost independent of size means ≈ 1)",
    )
    # A page's count is bounded, not constant: a relation with no rows costs no query, so a smaller set may cost
    # fewer. What must not happen is a count that grows with the tables.
    growing = [
        e
        for e in NAMES
        if big["probe"]["costs"][e]["queries"] > max(p["probe"]["costs"][e]["queries"] for p in points[:-1])
    ]
    line(
        not growing,
        "no page or list costs more queries at 100× data than at 1× or 10× (counts in the table below)"
        + (f"; grows: {', '.join(growing)}" if growing else ""),
    )
    claims = big["dispatch"]
    one = claims[0]["per_second"]
    line(one >= 5000, f"one dispatcher claims {one:,.0f} reminders/s over {claims[0]['rows']:,} rows (target ≥ 5,000)")
    most = claims[-1]
    line(
        most["per_second"] > one * 1.3,
        f"{most['processes']} dispatchers claim {most['per_second']:,.0f}/s "
        f"= {most['per_second'] / one:.2f}× one dispatcher (scaling with dispatchers)",
    )
    dups = sum(c["duplicates"] for c in claims) + sum(lat["sent_twice"] for lat in big["latency"])
    line(dups == 0, f"duplicate claims: {dups} (and no reminder sent twice)")
    plan = big["claim_plan"]
    line(
        "Index Scan using reminder_dispatch_idx" in plan and "Seq Scan on accounts_reminder" not in plan,
        "the claim query reads the partial index reminder_dispatch_idx (plan below), no sequential scan of reminders",
    )
    return [*out, ""]


def markdown(results: dict) -> str:
    m = results["machine"]
    points = results["points"]
    big = points[-1]
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.py); do not edit by hand. Absolute figures hold for this machine only;",
        "judge by the ratios. B0 = a bare WSGI callable returning the project's pre-computed bytes (server + Python",
        "ceiling); B1 = a bare WSGI app running the same SQL through psycopg and dumping with orjson, checked",
        'byte-identical to the project\'s JSON (database-bound ceiling). "project" is the app as deployed, with its',
        'caches of anonymous API reads and reading pages; "cache off" is the same app with both off, so every read',
        "is built.",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, Python {m['python']}; load average "
        f"{m['load_at_start'][0]:.2f} at start, {m['load_at_end'][0]:.2f} at end (the machine may be shared)",
        f"- Scale: BENCH_SCALE={results['scale']} (100×); also 1/10 (10×) and 1/100 (1×). Largest data set: "
        + ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in big["generated"].items()),
        f"- Serving: gunicorn, {results['workers']} sync workers for every variant, DEBUG off, production settings; "
        f"cache {results['cache']}; wrk {results['seconds_per_run']:g} s per run, 2 threads, one Host header",
        f"- Whole run: {results['total_seconds'] / 60:.1f} min (generation of the largest set "
        f"{big['generated_seconds']:.0f} s)",
        "",
        "## Targets",
        "",
        *verdicts(points),
        "## Throughput and latency at 100× data",
        "",
    ]
    for c in sorted({r["concurrency"] for r in big["runs"]}):
        lines += throughput(big, c)
    lines += ["## Queries per request and response size", "", *costs(points)]
    lines += ["## How figures change with the size of the tables", "", *scaling(points)]
    lines += ["## Peak memory per gunicorn worker (100× data, after the load)", "", *memory(big)]
    lines += ["## Reminder dispatcher (100× data)", "", *dispatcher(big)]
    lines += [
        "Claims: every owed row made due at once, drained by N processes each running the project's `claim_due`",
        "in a loop (a dispatcher tick without its one-minute wait). Latency: reminders falling due evenly over a",
        "few seconds, dispatched by a 20 ms polling loop and delivered in-process (dummy mail backend), from",
        "`due_at` to `sent_at`; in production beat's tick (REMINDER_DISPATCH_EVERY) adds up to one interval.",
        "",
        "Claim query plan:",
        "",
        "```",
        big["claim_plan"],
        "```",
        "",
        "## URLs (100× data)",
        "",
        *(f"- `{name}`: `{url}`" for name, url in big["probe"]["urls"].items()),
        "",
    ]
    return "\n".join(lines)
