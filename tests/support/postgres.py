"""A throw-away PostgreSQL cluster of a test's own (initdb into a temporary directory, a free
port on 127.0.0.1): the shared cluster on port 5432 is never touched."""

import os
import shutil
import subprocess
from pathlib import Path

from tests.support import free_port

PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)
SKIP_REASON = "PostgreSQL's server binaries are not installed (apt-get install postgresql; .ci/run does)"


def available():
    return PG_BIN is not None and (PG_BIN / "initdb").exists()


class PrivatePostgres:
    """A throw-away PostgreSQL cluster: trust authentication, loopback only, a port of its own."""

    def __init__(self, directory):
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()
        # initdb refuses to run as root: the cluster then belongs to the postgres system user.
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(directory, "postgres")

    def run(self, *args, timeout=60):
        return subprocess.run(
            [*self.as_owner, *map(str, args)],
            check=True,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def pg_ctl(self, *args, timeout=60):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self.run(
            PG_BIN / "pg_ctl",
            "-D",
            self.data,
            "-l",
            self.directory / "server.log",
            "-w",
            "-t",
            timeout,
            "-o",
            options,
            *args,
            timeout=timeout + 10,
        )

    def start(self):
        self.run(
            PG_BIN / "initdb", "-D", self.data, "-U", "charter", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"
        )
        self.pg_ctl("start")
        self.run(PG_BIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "charter", "charter")

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self.pg_ctl("stop", "-m", "immediate")

    @property
    def url(self):
        return f"postgres://charter@127.0.0.1:{self.port}/charter"

    def query(self, sql):
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="charter", dbname="charter", connect_timeout=10
        ) as connection:
            return connection.execute(sql).fetchall()
