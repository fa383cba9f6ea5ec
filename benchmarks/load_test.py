"""Load-test the site as production runs it: gunicorn on 127.0.0.1 with the production settings,
the demo content plus many resources in a throwaway database, and wrk sending a mix of home,
library, search and resource pages for a fixed time, with the page cache on, with it off, with
searches answered by OpenSearch, and with the search engine configured but unreachable. See
benchmarks/README.md.

    .venv/bin/python benchmarks/load_test.py [--count N] [--duration S] [--connections C]
        [--workers W] [--database-url postgres://USER@HOST:PORT/bench_NAME]
        [--opensearch-url http://127.0.0.1:9200 | --opensearch-url '']

Needs wrk (apt-get install wrk) and Redis on 127.0.0.1:6379 (scripts/services.sh start redis);
the OpenSearch scenario needs a node (default: the one scripts/services.sh started), indexed under
a prefix of the run's own that is deleted afterwards. Sends traffic to 127.0.0.1 only.
"""

import argparse
import io
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import redis
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_benchmark import (  # noqa: E402
    add_database_argument,
    build_site,
    check_database_url,
    create_resources,
    log,
    throwaway_site,
)
from benchmarks.search_benchmark import (  # noqa: E402
    add_opensearch_argument,
    refresh_statistics,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
LUA_SCRIPT = Path(__file__).resolve().with_name("load_test.lua")
HOST = "127.0.0.1"
REDIS_SERVER = f"redis://{HOST}:6379"
# Port 9 (discard): nothing listens there, so every connection is refused at once.
UNREACHABLE_ENGINE = f"http://{HOST}:9"
ENGINE_UP, ENGINE_DOWN = "OpenSearch answering", "search engine unreachable"
SEED = 60_000
# gunicorn.conf.py's access log, with the request's duration (%(D)s, microseconds) added.
ACCESS_LOG_FORMAT = 'access %(s)s %(D)s "%(r)s"'
ACCESS_RECORD = re.compile(r'access (\d{3}) (\d+) "GET (\S+) ')
# Records of the production settings' JSON log format (network/settings/base.py).
LOGGER = re.compile(r'"level": "\w+", "logger": "([^"]+)"')
ERROR_RECORD = re.compile(
    r'"level": "(?:ERROR|CRITICAL)", "logger": "([^"]*)", "message": "((?:[^"\\]|\\.){0,300})'
)
FALLBACK_RECORD = '"logger": "network.search.service", "message": "Search backend'
# gunicorn's own error log: "[time] [pid] [ERROR] ...", e.g. a worker timeout.
GUNICORN_ERROR = re.compile(r"\[(?:ERROR|CRITICAL)\] [^\n]*")

# (kind, path or query, weight): how many times the path appears in the shuffled list that each
# wrk connection goes round. The library is the one build_site fills with N resources.
SEARCHES = [
    "/en/search/?q=gobernanza",
    "/es/buscar/?q=ciudad",
    # Every generated resource names its publisher, "UCL City Leadership Initiative": the
    # heaviest search, with N matches to rank.
    "/en/search/?q=city+leadership",
]
LIBRARY_FILTERS = [
    # library_benchmark.py's filtered scenario.
    "type=report&topic=city-leadership&year_from=2010&year_to=2020&sort=title",
    "place=chile&language=es",
]
WEIGHTS = {"home": 4, "library": 4, "demo library": 2, "filtered library": 3, "search": 4}
GENERATED_RESOURCE_PAGES = 45
DEMO_RESOURCE_PAGES = 5


class LoadTestError(Exception):
    pass


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="resources (default 10000)")
    parser.add_argument(
        "--duration", type=int, default=60, help="seconds of load per scenario (default 60)"
    )
    parser.add_argument(
        "--connections", type=int, default=32, help="concurrent wrk connections (default 32)"
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn worker processes (default 2)"
    )
    parser.add_argument(
        "--wrk-threads", type=int, default=2, help="wrk threads (default 2, one per core)"
    )
    parser.add_argument(
        "--warmup", type=int, default=5, help="seconds of load before each run (default 5)"
    )
    parser.add_argument(
        "--redis-db",
        type=int,
        default=14,
        help="the Redis database the site caches in, emptied before and after (default 14)",
    )
    parser.add_argument(
        "--log-dir",
        type=Path,
        help="a folder to copy each scenario's gunicorn output to (default: not kept)",
    )
    add_opensearch_argument(parser, "for the engine-up scenario")
    add_database_argument(parser)
    args = parser.parse_args()
    if min(args.count, args.duration, args.connections, args.workers, args.wrk_threads) < 1:
        parser.error("--count, --duration, --connections, --workers and --wrk-threads must be >= 1")
    if args.connections < args.wrk_threads:
        parser.error("--connections must be at least --wrk-threads")
    check_database_url(parser, args.database_url)
    return args


def main():
    args = parse_args()
    started = time.perf_counter()
    # A SIGTERM ends the run as Ctrl-C does: through the finally blocks that clean up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cache = redis.Redis.from_url(f"{REDIS_SERVER}/{args.redis_db}")
    try:
        cache.ping()
    except redis.ConnectionError:
        sys.exit(f"Redis does not answer on {REDIS_SERVER}: the site's production cache is Redis")

    # The data is built in this process with the test settings, as the other benchmarks do.
    try:
        with throwaway_site(args.database_url, "load-test-") as workdir:
            return run(args, workdir, cache, started)
    finally:
        flush(cache)
        log(f"Total elapsed: {time.perf_counter() - started:.0f} s")


def run(args, workdir, cache, started):
    from django.db import connection

    load_before = os.getloadavg()
    database = f"{connection.vendor} {'.'.join(map(str, connection.get_database_version()))}"
    mix = build_data(args)
    connection.close()
    paths_file = workdir / "paths.txt"
    write_paths(mix, paths_file)
    collect_static(args, workdir)
    log(f"Data and static files ready after {time.perf_counter() - started:.0f} s")

    scenarios = [
        ("page cache on (120 s)", {}, "ok"),
        ("page cache off", {"PAGE_CACHE_SECONDS": "0"}, "ok"),
    ]
    engine_prefix = None
    if args.opensearch_url:
        engine_prefix = index_into_opensearch(args.opensearch_url)
        engine = {"OPENSEARCH_URL": args.opensearch_url, "OPENSEARCH_INDEX_PREFIX": engine_prefix}
        scenarios.append((ENGINE_UP, engine, "ok"))
    else:
        log("No OpenSearch node (scripts/services.sh start search): its scenario is left out")
    scenarios.append((ENGINE_DOWN, {"OPENSEARCH_URL": UNREACHABLE_ENGINE}, "degraded"))
    try:
        results = run_scenarios(args, workdir, cache, scenarios, mix, paths_file)
    finally:
        if engine_prefix:
            requests.delete(f"{args.opensearch_url}/{engine_prefix}*", timeout=60)
    load_after = os.getloadavg()

    log("")
    log("== Summary ==")
    log(machine_description())
    log(
        f"Load average (1, 5, 15 min) before: {format_load(load_before)}; after: "
        f"{format_load(load_after)}"
    )
    log(
        f"N = {args.count} resources + demo content; database {database}; gunicorn "
        f"{args.workers} workers x 2 threads (gunicorn.conf.py); wrk {args.wrk_threads} threads, "
        f"{args.connections} connections, {args.duration} s per scenario"
    )
    print_summary(results)
    print_outage_summary(results)
    problems = [problem for result in results for problem in result["problems"]]
    for problem in problems:
        log(f"PROBLEM {problem}")
    return 1 if problems else 0


def index_into_opensearch(url):
    """The throwaway site's pages indexed in the node under a new prefix, as update_index does
    on a deployment; returns the prefix."""
    from django.core.management import call_command
    from django.test import override_settings

    prefix = f"load_{uuid.uuid4().hex[:8]}_"
    engine = {
        "BACKEND": "network.search.backends.opensearch",
        "URLS": [url],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": 60,
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
    }
    started = time.perf_counter()
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": engine}):
        call_command("update_index", verbosity=0, stdout=io.StringIO())
    log(f"Indexed into OpenSearch at {url} in {time.perf_counter() - started:.0f} s")
    return prefix


def run_scenarios(args, workdir, cache, scenarios, mix, paths_file):
    results = []
    for name, overrides, expected_health in scenarios:
        log("")
        log(f"== {name} ==")
        scenario_started = time.perf_counter()
        flush(cache)
        try:
            results.append(
                run_scenario(
                    args, workdir, cache, name, overrides, expected_health, mix, paths_file
                )
            )
        finally:
            flush(cache)
        log(f"Scenario took {time.perf_counter() - scenario_started:.0f} s")
    return results


def build_data(args):
    """Migrate, build build_site's tree and library with N resources, the demo content, the
    search index and planner statistics; return the URL mix as (kind, path, weight)."""
    from django.core.management import call_command
    from django.db import connection

    log(f"Throwaway database: {connection.settings_dict['NAME']}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    log(f"Migrated in {time.perf_counter() - started:.0f} s")
    # build_site's library and vocabulary first: it creates its topics and places with
    # objects.create, which load_demo's would collide with, while load_demo reuses existing
    # terms by slug. create_resources tags with every topic and place there is, so it runs
    # before load_demo adds the Spanish ones.
    library, _topic = build_site()
    started = time.perf_counter()
    create_resources(library, args.count)
    log(f"Created {args.count} resources in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("load_demo", stdout=io.StringIO())
    log(f"Loaded the demo content in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    refresh_statistics(connection)
    log(f"Indexed and analysed in {time.perf_counter() - started:.0f} s")
    return url_mix(library)


def url_mix(library):
    from home.models import HomePage
    from resources.models import ResourceIndexPage, ResourcePage

    def path(page):
        return urlsplit(page.get_url()).path

    library_path = path(library)
    mix = [("home", path(home), WEIGHTS["home"]) for home in HomePage.objects.live()]
    mix.append(("library", library_path, WEIGHTS["library"]))
    mix += [
        ("demo library", path(page), WEIGHTS["demo library"])
        for page in ResourceIndexPage.objects.live().exclude(pk=library.pk)
    ]
    mix += [
        ("filtered library", f"{library_path}?{query}", WEIGHTS["filtered library"])
        for query in LIBRARY_FILTERS
    ]
    mix += [("search", search, WEIGHTS["search"]) for search in SEARCHES]
    generated = list(
        ResourcePage.objects.child_of(library).order_by("path").values_list("pk", flat=True)
    )
    step = len(generated) / min(GENERATED_RESOURCE_PAGES, len(generated))
    chosen = [
        generated[int(index * step)]
        for index in range(min(GENERATED_RESOURCE_PAGES, len(generated)))
    ]
    resources = list(ResourcePage.objects.filter(pk__in=chosen))
    demo = ResourcePage.objects.live().not_child_of(library).order_by("locale_id", "path")
    resources += list(demo[:3]) + list(demo.reverse()[:2])
    mix += [("resource", path(page), 1) for page in resources]
    return mix


def write_paths(mix, paths_file):
    paths = [path for _kind, path, weight in mix for _ in range(weight)]
    random.Random(SEED).shuffle(paths)
    paths_file.write_text("\n".join(paths) + "\n")
    kinds = Counter()
    for kind, _path, weight in mix:
        kinds[kind] += weight
    shares = ", ".join(f"{kind} {count / len(paths):.0%}" for kind, count in sorted(kinds.items()))
    log(f"URL mix: {len(paths)} requests a round, {len(mix)} distinct URLs ({shares})")


def server_environment(args, workdir, overrides, port=0):
    """The environment gunicorn (and collectstatic) run in: nothing from the caller's but the
    basics, so that no SENTRY_DSN, EMAIL_URL or DEEPL key of the developer's is used."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TZ") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="network.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=os.environ["DATABASE_URL"],
        REDIS_URL=f"{REDIS_SERVER}/{args.redis_db}",
        # Pages in the same Redis database here: the run measures speed, not eviction.
        PAGE_CACHE_URL=f"{REDIS_SERVER}/{args.redis_db}",
        ELASTICSEARCH_URL="",
        OPENSEARCH_URL="",
        LOG_LEVEL="WARNING",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        PYTHONUNBUFFERED="1",
        GUNICORN_BIND=f"{HOST}:{port}",
        WEB_CONCURRENCY=str(args.workers),
    )
    env.update(overrides)
    return env


def collect_static(args, workdir):
    """The production settings serve static files through whitenoise's manifest storage, which
    needs collectstatic to have run."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=PROJECT_DIR,
        env=server_environment(args, workdir, {}),
        check=True,
        timeout=600,
    )
    log(f"Collected static files in {time.perf_counter() - started:.0f} s")


def run_scenario(args, workdir, cache, name, overrides, expected_health, mix, paths_file):
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    log_path = workdir / f"gunicorn-{port}.log"
    problems = []
    with open(log_path, "wb") as log_file:
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "network.wsgi:application",
                "--config",
                "gunicorn.conf.py",
                "--access-logformat",
                ACCESS_LOG_FORMAT,
            ],
            cwd=PROJECT_DIR,
            env=server_environment(args, workdir, overrides, port),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            # Its own process group, so that stopping it stops its workers too.
            start_new_session=True,
        )
        try:
            health = wait_until_healthy(base_url, server, log_path)
            log(f"gunicorn pid {server.pid} on {base_url}; /healthz/: {json.dumps(health)}")
            if health["status"] != expected_health:
                problems.append(
                    f"{name}: /healthz/ said {health['status']!r}, expected {expected_health!r}"
                )
            problems += [f"{name}: {failure}" for failure in sweep(base_url, mix)]
            if args.warmup:
                wrk(args, base_url, paths_file, args.warmup)
            # Requests wrk abandoned at the end of the warm-up are answered and logged first.
            time.sleep(1)
            log_start = log_path.stat().st_size
            result = wrk(args, base_url, paths_file, args.duration)
            time.sleep(1)
        finally:
            stop(server)
            if args.log_dir:
                args.log_dir.mkdir(parents=True, exist_ok=True)
                file_name = re.sub(r"\W+", "-", name.lower()).strip("-")
                shutil.copy(log_path, args.log_dir / f"gunicorn-{file_name}.log")
    result.update(name=name, problems=problems, **read_server_log(log_path, log_start, mix))
    if result["errors"]:
        problems.append(f"{name}: {result['errors']} errors under load ({result['error_kinds']})")
    if result["server_errors"]:
        problems.append(f"{name}: the server logged errors: {result['server_errors'][:3]}")
    print_scenario(result)
    return result


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def get(url, timeout=30):
    """(status, body) of a GET; HTTP errors are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_healthy(base_url, server, log_path, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise LoadTestError(f"gunicorn exited ({server.returncode}):\n{tail(log_path)}")
        try:
            status, body = get(f"{base_url}/healthz/", timeout=10)
        except OSError:
            time.sleep(0.5)
            continue
        if status == 200:
            return json.loads(body)
        raise LoadTestError(f"/healthz/ answered {status}: {body[:500]!r}\n{tail(log_path)}")
    raise LoadTestError(f"gunicorn did not answer within {timeout} s:\n{tail(log_path)}")


def tail(log_path, lines=30):
    return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])


def sweep(base_url, mix):
    """Each URL once, one after the other: every one must answer 200 (this also fills the page
    cache and the workers' template caches)."""
    failures = []
    started = time.perf_counter()
    for _kind, path, _weight in mix:
        status, _body = get(base_url + path)
        if status != 200:
            failures.append(f"GET {path} answered {status} before the load")
    log(
        f"Checked {len(mix)} URLs one by one in {time.perf_counter() - started:.1f} s: "
        f"{len(mix) - len(failures)} answered 200"
    )
    return failures


def wrk(args, base_url, paths_file, duration):
    command = [
        "wrk",
        "--threads",
        str(args.wrk_threads),
        "--connections",
        str(args.connections),
        "--duration",
        f"{duration}s",
        "--timeout",
        "30s",
        "--script",
        str(LUA_SCRIPT),
        base_url,
        "--",
        str(paths_file),
    ]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 60, check=False
    )
    line = next(
        (line for line in completed.stdout.splitlines() if line.startswith("WRK_RESULT ")), None
    )
    if completed.returncode != 0 or line is None:
        raise LoadTestError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    values = {key: int(value) for key, value in (item.split("=") for item in line.split()[1:])}
    error_kinds = {
        kind: values[kind]
        for kind in ("connect", "read", "write", "timeout", "status")
        if values[kind]
    }
    seconds = values["duration_us"] / 1e6
    result = {
        "requests": values["requests"],
        "seconds": seconds,
        "rps": values["requests"] / seconds,
        "p50_ms": values["p50_us"] / 1000,
        "p95_ms": values["p95_us"] / 1000,
        "p99_ms": values["p99_us"] / 1000,
        "max_ms": values["max_us"] / 1000,
        "errors": sum(error_kinds.values()),
        "error_kinds": ", ".join(f"{kind} {count}" for kind, count in error_kinds.items()),
    }
    log(
        f"wrk {duration} s: {result['requests']} requests, {result['rps']:.1f}/s, "
        f"p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, errors "
        f"{result['errors']}"
    )
    return result


def read_server_log(log_path, start, mix):
    """From gunicorn's output after ``start``: answers by status, the server's own time by kind
    of URL, errors logged, and log records by logger (network/search/service.py's warnings say
    that a search fell back to the database). Two threads writing to stdout at once can run two
    records into one line, so records are found by pattern, not line by line."""
    kinds = {path: kind for kind, path, _weight in mix}
    statuses, times, error_statuses = Counter(), defaultdict(list), Counter()
    with open(log_path, "rb") as log_file:
        log_file.seek(start)
        text = log_file.read().decode(errors="replace")
    for status, microseconds, path in ACCESS_RECORD.findall(text):
        statuses[status] += 1
        times[kinds.get(path, "other")].append(int(microseconds) / 1000)
        if not status.startswith(("2", "3")):
            error_statuses[f"{status} {path}"] += 1
    server_errors = [f"{logger}: {message}" for logger, message in ERROR_RECORD.findall(text)]
    server_errors += GUNICORN_ERROR.findall(text)
    server_errors += [f"{count} x {answer}" for answer, count in error_statuses.most_common(5)]
    return {
        "statuses": dict(sorted(statuses.items())),
        "times": dict(times),
        "server_errors": server_errors,
        "fallbacks": text.count(FALLBACK_RECORD),
        "loggers": Counter(LOGGER.findall(text)),
    }


def stop(server):
    """TERM to gunicorn's process group (the arbiter and its workers), KILL if it lingers."""
    if server.poll() is None:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        except ProcessLookupError:
            pass


def flush(cache):
    try:
        cache.flushdb()
    except redis.RedisError as error:
        log(f"Could not empty the Redis database: {error}")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def print_scenario(result):
    log(f"Answers by status (gunicorn's access log): {result['statuses']}")
    if result["name"] in (ENGINE_UP, ENGINE_DOWN):
        searches = len(result["times"].get("search", []))
        log(f"Search fallbacks logged: {result['fallbacks']} for {searches} searches")
    records = ", ".join(f"{logger} {count}" for logger, count in result["loggers"].most_common())
    log(f"Log records (LOG_LEVEL=WARNING) by logger: {records or 'none'}")
    log("Server time by kind of URL (gunicorn's %(D)s, without queueing):")
    rows = [("kind", "requests", "share", "median ms", "p95 ms")]
    total = sum(len(times) for times in result["times"].values())
    for kind, times in sorted(result["times"].items(), key=lambda item: -len(item[1])):
        rows.append(
            (
                kind,
                str(len(times)),
                f"{len(times) / total:.0%}",
                f"{statistics.median(times):.1f}",
                f"{percentile(times, 0.95):.1f}",
            )
        )
    print_rows(rows)


def print_summary(results):
    rows = [("scenario", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors")]
    for result in results:
        rows.append(
            (
                result["name"],
                str(result["requests"]),
                f"{result['rps']:.1f}",
                f"{result['p50_ms']:.0f}",
                f"{result['p95_ms']:.0f}",
                f"{result['p99_ms']:.0f}",
                f"{result['max_ms']:.0f}",
                str(result["errors"]),
            )
        )
    print_rows(rows)


def print_outage_summary(results):
    """What an outage costs: fallback warnings a minute (one per outage and worker, with the
    breaker, rather than one per search) and throughput against the engine answering."""
    by_name = {result["name"]: result for result in results}
    down = by_name.get(ENGINE_DOWN)
    if down is None:
        return
    per_minute = down["fallbacks"] / (down["seconds"] / 60)
    searches = len(down["times"].get("search", []))
    log(
        f"Engine unreachable: {per_minute:.1f} fallback warnings a minute for "
        f"{searches / (down['seconds'] / 60):.0f} searches a minute"
    )
    up = by_name.get(ENGINE_UP)
    if up is not None:
        log(f"Throughput, engine unreachable ÷ engine answering: {down['rps'] / up['rps']:.2f}")


def print_rows(rows):
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        log("  ".join(cells))


def machine_description():
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return f"Machine: {os.cpu_count()} CPUs ({model}), {memory_kb / 1024**2:.0f} GiB memory"


def format_load(load):
    return ", ".join(f"{value:.2f}" for value in load)


if __name__ == "__main__":
    sys.exit(main())
