"""Per-call cost of each Python client style against the live reference app (#17: connections).

usage: .venv/bin/python scripts/bench-python-calls.py [CALLS] [ROUNDS]     (defaults: 200 calls, 7 rounds)

Generates the reference app's client in the four styles (functions and class, sync and async) with the
clientgen binary at $CLIENTGEN_BIN (else target/debug/clientgen), serves the app with uvicorn on 127.0.0.1, and
times CALLS sequential `is_healthy()` calls per style, ROUNDS times, interleaved so that host noise hits every
style alike. Prints each style's median milliseconds per call and its ratio to the class style of the same
flavour (the target: the functions style within 1.5x of the class style). A benchmark, not a test.
"""

import asyncio
import importlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "python"))

from support import REFERENCE_APP, free_port, generate_python  # noqa: E402

STYLES = {
    "functions-sync": [],
    "class-sync": ["--python-style", "class"],
    "functions-async": ["--asyncio"],
    "class-async": ["--python-style", "class", "--asyncio"],
}


def timed_calls(style: str, package: str, url: str, calls: int) -> float:
    """Milliseconds per call of `calls` sequential `is_healthy()` calls through `package`."""
    client = importlib.import_module(f"{package}.client")
    is_async = style.endswith("async")
    if style.startswith("class"):
        if is_async:

            async def run_class_async() -> float:
                async with client.Client(base_url=url) as api:
                    await api.is_healthy()  # the connection is opened outside the timing, as for every style
                    start = time.perf_counter()
                    for _ in range(calls):
                        await api.is_healthy()
                    return time.perf_counter() - start

            return asyncio.run(run_class_async()) * 1000 / calls
        with client.Client(base_url=url) as api:
            return timing(api.is_healthy, calls)

    if is_async:

        async def run_functions_async() -> float:
            await client.is_healthy()
            start = time.perf_counter()
            for _ in range(calls):
                await client.is_healthy()
            elapsed = time.perf_counter() - start
            await importlib.import_module(package).clients.aclose()
            return elapsed

        return asyncio.run(run_functions_async()) * 1000 / calls
    return timing(client.is_healthy, calls)


def timing(call: Callable[[], object], calls: int) -> float:
    call()
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - start) * 1000 / calls


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        spec = folder / "openapi.json"
        subprocess.run([sys.executable, str(ROOT / "tests" / "dump_fastapi_openapi.py"), str(REFERENCE_APP), str(spec)], check=True)
        packages = {style: f"bench_{style.replace('-', '_')}" for style in STYLES}
        for style, options in STYLES.items():
            generate_python(spec, folder / packages[style], *options)
        sys.path.insert(0, str(folder))
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=REFERENCE_APP,
        )
        try:
            for _ in range(100):
                try:
                    httpx.get(f"{url}/health").raise_for_status()
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            for style in STYLES:
                module = importlib.import_module(f"{packages[style]}.config")
                module.get_base_url = lambda: url  # the functions style reads its base URL from config.py
            samples: dict[str, list[float]] = {style: [] for style in STYLES}
            for _ in range(rounds):
                for style in STYLES:
                    samples[style].append(timed_calls(style, packages[style], url, calls))
        finally:
            server.terminate()
            server.wait()
    medians = {style: statistics.median(values) for style, values in samples.items()}
    print(f"{calls} sequential is_healthy() calls, median of {rounds} rounds (ms per call):")
    for style, median in medians.items():
        flavour = style.split("-")[1]
        ratio = median / medians[f"class-{flavour}"]
        print(f"  {style:16} {median:7.2f} ms   {ratio:4.2f}x the class-{flavour} style")


if __name__ == "__main__":
    main()
