"""B0: a bare WSGI callable returning the project's pre-computed response bytes (the ceiling of server + Python).

Serve with `gunicorn bench.b0app:app`; BENCH_B0_FILE names a JSON file of {url: [content type, base64 body]}.
"""

import base64
import json
import os

with open(os.environ["BENCH_B0_FILE"]) as handle:
    BODIES = {url: (kind, base64.b64decode(body)) for url, (kind, body) in json.load(handle).items()}


def app(environ, start_response):
    path = environ["PATH_INFO"] + (f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else "")
    found = BODIES.get(path)
    if found is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not a benchmark URL"]
    kind, body = found
    start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body)))])
    return [body]
