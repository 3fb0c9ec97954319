"""Database fixtures: a loaded seed extraction, and a real PostgreSQL server (never a mock).

PostgreSQL comes from ``OREWIRE_TEST_POSTGRES_URL`` when set (``.ci/run`` starts one); otherwise a
throwaway cluster is created here with ``initdb`` + ``pg_ctl`` on 127.0.0.1 and a free port, and
stopped at the end of the session. Tests that need it are skipped only when no server can be
started, with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.db.layout import TABLE_NAMES


def _postgres_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder (run as ``postgres`` when we are root)."""

    def __init__(self) -> None:
        self.initdb = _postgres_bin("initdb")
        self.pg_ctl = _postgres_bin("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise RuntimeError("initdb/pg_ctl not found (install Debian's postgresql package)")
        self.as_root = os.geteuid() == 0
        # /tmp, not pytest's tmp_path: the postgres user must be able to enter the folder.
        self.folder = Path(tempfile.mkdtemp(prefix="orewire-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.started = False

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        result = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{Path(command[0]).name} failed: {(result.stderr or result.stdout).strip()[-400:]}")

    def start(self) -> str:
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(self.initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
        self._run(self.pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")
        self.started = True
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.started:
            try:
                self._run(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server: ``OREWIRE_TEST_POSTGRES_URL``, else a throwaway cluster."""
    url = os.environ.get("OREWIRE_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    try:
        cluster = Cluster()
    except RuntimeError as error:
        pytest.skip(f"PostgreSQL tests need a server: {error}")
    try:
        url = cluster.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        cluster.stop()
        pytest.skip(f"PostgreSQL tests need a server and none could be started: {error}")
    try:
        yield url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A fresh database on the server for this session, dropped at the end."""
    import psycopg

    name = f"orewire_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base = postgres_server.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _drop_tables_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        for table in TABLE_NAMES:
            connection.execute(f"DROP TABLE IF EXISTS {table}")


@pytest.fixture(params=["duckdb", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each backend: a DuckDB file, or the session's PostgreSQL database emptied."""
    if request.param == "duckdb":
        return str(tmp_path / "facts.duckdb")
    url: str = request.getfixturevalue("postgres_database")
    _drop_tables_postgres(url)
    return url


@pytest.fixture(scope="session")
def seed_facts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real extraction of the seeds, written by ``orewire extract`` (the command a user runs)."""
    root = Path(__file__).resolve().parents[2]
    out = tmp_path_factory.mktemp("seed_facts") / "facts.jsonl"
    command = [sys.executable, "-m", "pipeline", "extract", "seeds", "-o", str(out), "-q"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return out
