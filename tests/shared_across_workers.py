"""Something built once per test run and read by every pytest-xdist worker."""

import fcntl
import json
import os


class Shared:
    """Something built once per test run: with pytest-xdist, the first worker to need it builds
    it under a folder of the run while the others wait, then read what it wrote (``build``
    returns JSON data); without xdist, simply built."""

    def __init__(self, tmp_path_factory, name):
        run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
        base = tmp_path_factory.getbasetemp()
        root = base.parent / f"shared-{run}" if run else base / "shared"
        root.mkdir(parents=True, exist_ok=True)
        self.folder = root / name
        self.result = root / f"{name}.json"
        self.lock = root / f"{name}.lock"

    def get(self, build):
        with self.lock.open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.result.exists():
                return json.loads(self.result.read_text())
            self.folder.mkdir(exist_ok=True)
            result = build(self.folder)
            self.result.write_text(json.dumps(result))
            return result
