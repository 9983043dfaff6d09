# SPDX-License-Identifier: MIT
"""A real clevagent-server for the SDK's tests: started on a free port with its own database."""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SDK = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(SDK))
sys.path.insert(0, SDK)


def reset_sdk():
    """Stops the SDK's client, so that the next init() starts afresh (each test's own agent)."""
    import clevagent
    if clevagent._client is not None:
        clevagent._client.stop()
    clevagent._client = None


def server_binary():
    path = os.environ.get("CLEV_SERVER_BIN") or os.path.join(REPO, "build", "src", "app", "server", "clevagent-server")
    if not os.path.exists(path):
        raise RuntimeError("clevagent-server not found at %s: build it first or set CLEV_SERVER_BIN" % path)
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, config=None, port=None, directory=None, env=None):
        self.env = dict(env or {})  # extra environment of the server process (DOCKER_HOST and the like)
        self.dir = directory or tempfile.mkdtemp(prefix="clevagent-sdk-test-")
        self.db = os.path.join(self.dir, "sdk.db")
        self.port = port or free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.config = None
        if config is not None:
            self.config = os.path.join(self.dir, "config.json")
            with open(self.config, "w") as f:
                json.dump(config, f)
        self.process = None
        self.admin_key = self.create_key("admin")

    def cli(self, *args):
        return subprocess.run([server_binary()] + list(args) + ["--database", self.db], capture_output=True,
                              text=True, timeout=30)

    def create_key(self, scope="ingest", rate_limit=None):
        args = ["keys", "create", "--scope", scope]
        if rate_limit:
            args += ["--rate-limit", str(rate_limit)]
        result = self.cli(*args)
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        return result.stdout.strip()

    def start(self):
        args = [server_binary(), "--database", self.db, "--listen", "127.0.0.1:%d" % self.port]
        if self.config:
            args += ["--config", self.config]
        self.log = open(os.path.join(self.dir, "server.log"), "ab")
        self.process = subprocess.Popen(args, stdout=self.log, stderr=self.log, env=dict(os.environ, **self.env))
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("clevagent-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.process:
            self.log.close()
        self.process = None

    def get(self, path):
        request = urllib.request.Request(self.url + path, headers={"X-API-Key": self.admin_key})
        with urllib.request.urlopen(request, timeout=5) as reply:
            body = reply.read()
            return json.loads(body) if reply.headers.get("Content-Type", "").startswith("application/json") else body.decode()

    def agent(self, name):
        for a in self.get("/api/v1/status?limit=1000")["agents"]:
            if a["name"] == name:
                return a
        return None

    def wait_for(self, predicate, timeout=10.0, what="condition"):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            last = predicate()
            if last:
                return last
            time.sleep(0.05)
        raise AssertionError("timed out waiting for %s (last: %r)" % (what, last))

    def sql(self, query):
        import sqlite3
        with sqlite3.connect(self.db) as c:
            return c.execute(query).fetchall()


def run_agent(script, env, timeout=30):
    """Runs a small agent program in a child interpreter (so signals and exits are real)."""
    full = "import sys\nsys.path.insert(0, %r)\n" % SDK + script
    return subprocess.Popen([sys.executable, "-c", full], env=dict(os.environ, **env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
