# SPDX-License-Identifier: MIT
"""A private, real Docker engine for tests, and the image its agents run in.

- `Engine`: starts its own `dockerd` (its own data root, exec root, pid file and unix socket under a
  temporary folder; no bridge, no iptables, so it never touches another engine or the network; optionally
  also a TCP socket with mutual TLS), talks to it through the Engine API (HTTP over the unix socket, or
  HTTPS with client certificates), and on `stop()` removes every container and image, stops the daemon
  (and the containerd it started), unmounts what it left mounted and deletes its folders, also after a
  failed test. If the daemon does not come up, the error carries its log.
- `build_image_tarball()`: a small root file system made from this machine's own /usr/bin/python3 (the
  binary, its standard library, the shared-library closure of the binary and of every extension module,
  the dynamic loader), minimal /etc files, /tmp, and the ClevAgent SDK with tests/docker/agent.py under
  /opt/clevagent. Nothing is downloaded. The tarball is cached under /var/tmp keyed by a hash of its inputs.
- `make_certificates()`: a CA, a server certificate for 127.0.0.1 and client certificates (RSA and EC
  prime256v1 keys) made with the `openssl` command-line tool, laid out as DOCKER_CERT_PATH folders.

Containers run with `--network host`, so agents reach a server on 127.0.0.1 and nothing leaves loopback.
Only the standard library is used.
"""
import atexit
import ctypes
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SDK_PACKAGE = os.path.join(REPO, "sdk", "python", "clevagent")
AGENT_SCRIPT = os.path.join(HERE, "agent.py")

API = "/v1.41"  # docker.io 20.10 (Debian 12) speaks up to 1.41; newer engines accept it too
IMAGE_PYTHON = "/usr/bin/python3"
IMAGE_SDK_DIR = "/opt/clevagent"
IMAGE_AGENT = IMAGE_SDK_DIR + "/agent.py"


def log(text):
    print("[docker %s] %s" % (time.strftime("%H:%M:%S"), text), flush=True)


def _pdeathsig():
    """In the child before exec: it gets SIGTERM if the process that started it dies (a killed test run)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except Exception:
        pass
    os.setpgrp()  # its own process group: a Ctrl-C of the test run reaches it only through us


class EngineError(RuntimeError):
    pass


# ---- HTTP to the engine -------------------------------------------------------------------------

class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout):
        super().__init__("localhost", timeout=timeout)
        self.unix_path = path

    def connect(self):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(self.timeout)
        s.connect(self.unix_path)
        self.sock = s


class Api:
    """The Engine API at `host` ("unix:///path" or "tcp://127.0.0.1:PORT" with `tls` = (ca, cert, key))."""

    def __init__(self, host, tls=None):
        self.host = host
        self.tls = tls
        self._context = None
        if host.startswith("tcp://") and tls:
            ca, cert, key = tls
            self._context = ssl.create_default_context(cafile=ca)
            self._context.load_cert_chain(cert, key)

    def connection(self, timeout):
        if self.host.startswith("unix://"):
            return _UnixConnection(self.host[len("unix://"):], timeout)
        netloc = urllib.parse.urlsplit(self.host.replace("tcp://", "https://" if self._context else "http://", 1))
        if self._context:
            return http.client.HTTPSConnection(netloc.hostname, netloc.port, timeout=timeout, context=self._context)
        return http.client.HTTPConnection(netloc.hostname, netloc.port, timeout=timeout)

    def call(self, method, path, body=None, query=None, timeout=60, headers=None, raw=False, ok=(200, 201, 204, 304)):
        """One request; returns the parsed JSON answer (or bytes if raw). Raises EngineError for any
        status not in `ok` (with the engine's message)."""
        if query:
            path += "?" + urllib.parse.urlencode(query)
        h = {"Host": "docker"}
        if headers:
            h.update(headers)
        data = body
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode("utf-8")
            h["Content-Type"] = "application/json"
        conn = self.connection(timeout)
        try:
            conn.request(method, API + path, body=data, headers=h)
            reply = conn.getresponse()
            payload = reply.read()
        finally:
            conn.close()
        if reply.status not in ok:
            try:
                message = json.loads(payload).get("message")
            except ValueError:
                message = payload[:300]
            raise EngineError("%s %s: %d %s" % (method, path, reply.status, message))
        if raw:
            return payload
        if not payload.strip():
            return None
        try:
            return json.loads(payload)
        except ValueError:
            # a stream of JSON objects (import, events): one per line
            return [json.loads(line) for line in payload.splitlines() if line.strip()]

    def ping(self, timeout=2):
        return self.call("GET", "/_ping", timeout=timeout, raw=True) == b"OK"


# ---- the daemon ---------------------------------------------------------------------------------

_running_engines = set()


@atexit.register
def _stop_leftover_engines():
    for engine in list(_running_engines):
        engine.stop()


class Engine:
    """A private dockerd. `tls` = dict(port=, ca=, cert=, key=) adds -H tcp://127.0.0.1:PORT with
    --tlsverify; `api` then still talks over the unix socket, `tls_api(client_dir)` over TCP."""

    def __init__(self, tls=None, label="engine"):
        self.tls = tls
        self.label = label
        self.dir = None
        self.process = None
        self.socket = None
        self.api = None
        self.start_seconds = None
        self.log_path = None

    # -- life --
    @classmethod
    def sweep_leftovers(cls, older_than=120):
        """Folders of earlier runs whose test process was killed (so nothing could clean up; the daemon
        itself went with it, PR_SET_PDEATHSIG): unmounted and deleted once their dockerd is gone."""
        for folder in [os.path.join("/tmp", n) for n in os.listdir("/tmp") if n.startswith("clev-dockerd-")]:
            try:
                if time.time() - os.stat(folder).st_mtime < older_than:
                    continue
                with open(os.path.join(folder, "dockerd.pid")) as f:
                    pid = int(f.read().strip() or 0)
                if pid > 0 and os.path.exists("/proc/%d" % pid):
                    continue
            except (OSError, ValueError):
                pass
            for mount in sorted(cls._mounts_under(folder), key=len, reverse=True):
                subprocess.run(["umount", "-l", mount], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.rmtree(folder, ignore_errors=True)

    def start(self, timeout=60):
        dockerd = shutil.which("dockerd") or "/usr/sbin/dockerd"
        if not os.path.exists(dockerd):
            raise EngineError("dockerd is not installed (apt-get install docker.io)")
        self.sweep_leftovers()
        self.dir = tempfile.mkdtemp(prefix="clev-dockerd-", dir="/tmp")
        for sub in ("data", "exec"):
            os.mkdir(os.path.join(self.dir, sub))
        self.socket = os.path.join(self.dir, "docker.sock")
        self.log_path = os.path.join(self.dir, "dockerd.log")
        args = [dockerd, "--bridge=none", "--iptables=false", "--ip6tables=false", "--ip-masq=false",
                "--data-root", os.path.join(self.dir, "data"), "--exec-root", os.path.join(self.dir, "exec"),
                "--pidfile", os.path.join(self.dir, "dockerd.pid"), "-H", "unix://" + self.socket,
                "--log-level", "info"]
        if self.tls:
            args += ["-H", "tcp://127.0.0.1:%d" % self.tls["port"], "--tlsverify", "--tlscacert", self.tls["ca"],
                     "--tlscert", self.tls["cert"], "--tlskey", self.tls["key"]]
        env = dict(os.environ)
        for name in ("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_CONFIG"):
            env.pop(name, None)
        t0 = time.time()
        with open(self.log_path, "ab") as out:
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out, stderr=out, env=env,
                                            preexec_fn=_pdeathsig, close_fds=True)
        _running_engines.add(self)
        self.api = Api("unix://" + self.socket)
        deadline = t0 + timeout
        while True:
            code = self.process.poll()
            if code is not None:
                text = self.read_log()
                self.stop()
                raise EngineError("dockerd (%s) exited with %s at start-up; its log:\n%s" % (" ".join(args), code, text))
            try:
                if os.path.exists(self.socket) and self.api.ping():
                    break
            except (OSError, EngineError, http.client.HTTPException):
                pass
            if time.time() > deadline:
                text = self.read_log()
                self.stop()
                raise EngineError("dockerd (%s) did not answer within %d s; its log:\n%s" % (" ".join(args), timeout, text))
            time.sleep(0.05)
        self.start_seconds = time.time() - t0
        info = self.api.call("GET", "/info")
        self.info = info
        log("%s: dockerd %s up in %.2f s (%s, storage %s, cgroup %s v%s)" % (
            self.label, info.get("ServerVersion"), self.start_seconds, self.dir, info.get("Driver"),
            info.get("CgroupDriver"), info.get("CgroupVersion")))
        return self

    def read_log(self, tail=200):
        try:
            with open(self.log_path, "rb") as f:
                lines = f.read().decode("utf-8", "replace").splitlines()
            return "\n".join(lines[-tail:])
        except (OSError, TypeError):
            return ""

    def stop(self):
        """Removes every container and image, stops the daemon, unmounts and deletes its folders. Safe to
        call twice and after a failed start."""
        if self.process is None and self.dir is None:
            return
        problems = []
        if self.process is not None and self.process.poll() is None:
            try:
                for c in self.api.call("GET", "/containers/json", query={"all": 1}, timeout=20) or []:
                    try:
                        self.api.call("DELETE", "/containers/" + c["Id"], query={"force": 1, "v": 1}, timeout=30)
                    except Exception as e:
                        problems.append("container %s: %s" % (c["Id"][:12], e))
                for i in self.api.call("GET", "/images/json", query={"all": 1}, timeout=20) or []:
                    try:
                        self.api.call("DELETE", "/images/" + i["Id"], query={"force": 1}, timeout=30)
                    except Exception as e:
                        problems.append("image %s: %s" % (i["Id"][:19], e))
            except Exception as e:
                problems.append("cannot list: %s" % e)
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                problems.append("dockerd did not stop within 30 s: killed")
                self.process.kill()
                self.process.wait(timeout=10)
        if self.dir is not None:
            # The containerd that dockerd started stops with it; if dockerd was killed, end it here.
            pidfile = os.path.join(self.dir, "exec", "containerd", "containerd.pid")
            try:
                with open(pidfile) as f:
                    pid = int(f.read().strip() or 0)
                if pid > 0 and self._is_ours(pid):
                    os.kill(pid, signal.SIGTERM)
                    for _ in range(100):
                        if not os.path.exists("/proc/%d" % pid):
                            break
                        time.sleep(0.1)
            except (OSError, ValueError):
                pass
            for mount in sorted(self._mounts_under(self.dir), key=len, reverse=True):
                subprocess.run(["umount", "-l", mount], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if os.environ.get("CLEV_KEEP_DOCKER_DIRS"):
                log("%s: dockerd folder kept: %s" % (self.label, self.dir))
            else:
                shutil.rmtree(self.dir, ignore_errors=True)
                if os.path.exists(self.dir):
                    problems.append("could not delete %s" % self.dir)
        _running_engines.discard(self)
        self.process = None
        self.dir = None
        if problems:
            log("%s: clean-up: %s" % (self.label, "; ".join(problems)))

    def _is_ours(self, pid):
        try:
            with open("/proc/%d/cmdline" % pid, "rb") as f:
                return self.dir.encode() in f.read()
        except OSError:
            return False

    @staticmethod
    def _mounts_under(root):
        out = []
        try:
            with open("/proc/self/mountinfo") as f:
                for line in f:
                    point = line.split()[4].encode().decode("unicode_escape")
                    if point == root or point.startswith(root + "/"):
                        out.append(point)
        except OSError:
            pass
        return out

    def host(self):
        return "unix://" + self.socket

    def tls_api(self, client_dir):
        return Api("tcp://127.0.0.1:%d" % self.tls["port"], tls=(os.path.join(client_dir, "ca.pem"),
                                                                  os.path.join(client_dir, "cert.pem"),
                                                                  os.path.join(client_dir, "key.pem")))

    # -- images --
    def load_image(self, tarball, name, env=None, cmd=None):
        """`docker import` of a root file system tarball, through the API; returns the seconds it took."""
        changes = []
        for k, v in (env or {}).items():
            changes.append("ENV %s=%s" % (k, v))
        if cmd:
            changes.append("CMD " + json.dumps(cmd))
        query = [("fromSrc", "-"), ("repo", name), ("tag", "latest")] + [("changes", c) for c in changes]
        t0 = time.time()
        with open(tarball, "rb") as f:
            answer = self.api.call("POST", "/images/create?" + urllib.parse.urlencode(query), body=f,
                                   headers={"Content-Type": "application/x-tar",
                                            "Content-Length": str(os.path.getsize(tarball))}, timeout=300)
        for part in answer if isinstance(answer, list) else [answer]:
            if isinstance(part, dict) and part.get("error"):
                raise EngineError("import of %s failed: %s" % (name, part["error"]))
        seconds = time.time() - t0
        log("%s: image %s imported in %.2f s" % (self.label, name, seconds))
        return seconds

    # -- containers --
    def create(self, image, name=None, cmd=None, env=None, memory=None, binds=None, health=None, stop_signal=None,
               api=None):
        """`docker create --network host`: memory in bytes (swap the same), binds ["host:ctr"], health =
        dict(test=[...], interval=s, retries=n, timeout=s). Returns the full id."""
        config = {"Image": image, "Env": ["%s=%s" % kv for kv in (env or {}).items()],
                  "HostConfig": {"NetworkMode": "host", "Binds": binds or [], "RestartPolicy": {"Name": "no"}},
                  "AttachStdout": False, "AttachStderr": False, "Tty": False}
        if cmd:
            config["Cmd"] = cmd
        if memory:
            config["HostConfig"]["Memory"] = memory
            config["HostConfig"]["MemorySwap"] = memory
        if stop_signal:
            config["StopSignal"] = stop_signal
        if health:
            config["Healthcheck"] = {"Test": ["CMD"] + list(health["test"]),
                                     "Interval": int(health.get("interval", 1) * 1e9),
                                     "Timeout": int(health.get("timeout", 5) * 1e9),
                                     "Retries": int(health.get("retries", 1)),
                                     "StartPeriod": int(health.get("start_period", 0) * 1e9)}
        query = {"name": name} if name else None
        return (api or self.api).call("POST", "/containers/create", body=config, query=query)["Id"]

    def start_container(self, cid, api=None):
        (api or self.api).call("POST", "/containers/%s/start" % cid)

    def run(self, image, **kwargs):
        """create + start; returns the full id."""
        api = kwargs.get("api")
        cid = self.create(image, **kwargs)
        self.start_container(cid, api=api)
        return cid

    def inspect(self, cid, api=None):
        return (api or self.api).call("GET", "/containers/%s/json" % cid)

    def main_pid(self, cid, api=None):
        return self.inspect(cid, api=api)["State"]["Pid"]

    def stop_container(self, cid, timeout=10, api=None):
        (api or self.api).call("POST", "/containers/%s/stop" % cid, query={"t": timeout}, timeout=timeout + 30)

    def remove(self, cid, api=None):
        try:
            (api or self.api).call("DELETE", "/containers/%s" % cid, query={"force": 1, "v": 1}, timeout=30)
        except EngineError as e:
            if "No such container" not in str(e):
                raise

    def logs(self, cid, api=None):
        """stdout and stderr lines of a container without a TTY (the multiplexed stream decoded)."""
        raw = (api or self.api).call("GET", "/containers/%s/logs" % cid, query={"stdout": 1, "stderr": 1},
                                     raw=True)
        text, i = b"", 0
        while i + 8 <= len(raw):
            size = int.from_bytes(raw[i + 4:i + 8], "big")
            text += raw[i + 8:i + 8 + size]
            i += 8 + size
        return text.decode("utf-8", "replace").splitlines()

    def wait_state(self, cid, predicate, timeout, what="a state", period=0.05, api=None):
        """Polls inspect until predicate(inspect) is true; returns that inspect."""
        deadline = time.time() + timeout
        last = None
        while True:
            try:
                last = self.inspect(cid, api=api)
                if predicate(last):
                    return last
            except EngineError as e:
                last = str(e)
            if time.time() >= deadline:
                state = last.get("State") if isinstance(last, dict) else last
                raise AssertionError("container %s: timed out after %.1f s waiting for %s (state %r)"
                                     % (cid[:12], timeout, what, state))
            time.sleep(period)

    def events(self, since, until=None, api=None):
        """Everything the engine reported between two times (seconds since the epoch), oldest first:
        dicts with Type, Action, Actor.ID, Actor.Attributes, time (seconds, float)."""
        until = until if until is not None else time.time()
        answer = (api or self.api).call("GET", "/events", query={"since": "%.9f" % since, "until": "%.9f" % until},
                                        timeout=30)
        events = answer if isinstance(answer, list) else ([answer] if answer else [])
        for e in events:
            e["t"] = e.get("timeNano", e.get("time", 0) * 1e9) / 1e9
        return events


def parse_docker_time(value):
    """Docker's RFC 3339 times with nanoseconds ("2026-12-02T02:25:36.247527403Z") -> seconds since the
    epoch; the zero time (never) -> None."""
    if not value or value.startswith("0001-"):
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$", value)
    if not m:
        raise ValueError("not a Docker time: %r" % value)
    import calendar
    secs = calendar.timegm(tuple(int(m.group(i)) for i in range(1, 7)))
    frac = float("0." + m.group(7)) if m.group(7) else 0.0
    zone = m.group(8)
    if zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        secs -= sign * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    return secs + frac


# ---- the image ----------------------------------------------------------------------------------

_STDLIB_LEAVE_OUT = {"test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3", "pydoc_data",
                     "site-packages", "dist-packages"}


def _python_paths():
    binary = os.path.realpath(IMAGE_PYTHON)
    if not os.path.exists(binary):
        raise EngineError("%s is missing: the agent image is made from this machine's Python" % IMAGE_PYTHON)
    out = subprocess.run([binary, "-S", "-c", "import sys, sysconfig; print(sys.version_info[0], sys.version_info[1]);"
                          "print(sysconfig.get_path('stdlib')); print(sysconfig.get_path('platstdlib'))"],
                         capture_output=True, text=True, check=True).stdout.split("\n")
    major, minor = out[0].split()
    stdlib = out[1]
    dynload = os.path.join(stdlib, "lib-dynload")
    return binary, "%s.%s" % (major, minor), stdlib, dynload


def _ldd(paths):
    """The shared libraries (and the loader) these ELF files need, as ldd names them. ldd (a shell script)
    runs once for the first file, to learn the loader; the others ask the loader itself (ld.so --list),
    which is ten times faster."""
    def parse(text, into):
        for line in text.splitlines():
            line = line.strip()
            m = re.match(r"\S+ => (/\S+) \(0x", line) or re.match(r"(/\S+) \(0x", line)
            if m:
                into.add(m.group(1))
    needed = set()
    first = subprocess.run(["ldd", paths[0]], capture_output=True, text=True)
    parse(first.stdout, needed)
    loaders = [line.split()[0] for line in first.stdout.splitlines()
               if line.strip().startswith("/") and "=>" not in line]
    if not needed or not loaders:
        raise EngineError("ldd found no libraries or loader for %s: %s" % (paths[0], first.stderr.strip()))
    for path in paths[1:]:
        r = subprocess.run([loaders[0], "--list", path], capture_output=True, text=True)
        if r.returncode != 0:
            r = subprocess.run(["ldd", path], capture_output=True, text=True)
        parse(r.stdout, needed)
    return needed


def _inputs_digest(binary, stdlib, libs):
    h = hashlib.sha256(b"clevagent-agent-image-v1\n")
    for path in [binary] + sorted(libs):
        st = os.stat(path)
        h.update(("%s %d %d\n" % (path, st.st_size, int(st.st_mtime))).encode())
    for root, dirs, files in os.walk(stdlib):
        dirs[:] = sorted(d for d in dirs if not (root == stdlib and (d in _STDLIB_LEAVE_OUT or d.startswith("config-"))))
        for name in sorted(files):
            st = os.lstat(os.path.join(root, name))
            h.update(("%s %d %d\n" % (os.path.join(root, name), st.st_size, int(st.st_mtime))).encode())
    for root, dirs, files in os.walk(SDK_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".typed")):
                with open(os.path.join(root, name), "rb") as f:
                    h.update(os.path.relpath(os.path.join(root, name), SDK_PACKAGE).encode() + b"\0" + f.read())
    with open(AGENT_SCRIPT, "rb") as f:
        h.update(b"agent.py\0" + f.read())
    return h.hexdigest()[:16]


def _copy_into(root, path, copied):
    """Copies `path` to the same place under root: the real file at its real path, plus the symbolic
    links that lead there from the name asked for (the image mirrors the host's /lib -> usr/lib)."""
    real = os.path.realpath(path)
    if real not in copied:
        dest = root + real
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copy2(real, dest)
        copied.add(real)
    named = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
    if named != real and not os.path.lexists(root + named):
        os.makedirs(os.path.dirname(root + named), exist_ok=True)
        os.symlink(real, root + named)


def build_root(root, libs=None):
    """Fills `root` with the agent image's file system."""
    binary, version, stdlib, dynload = _python_paths()
    for top in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        if os.path.islink("/" + top):
            os.symlink(os.readlink("/" + top), os.path.join(root, top))
    copied = set()
    os.makedirs(root + "/usr/bin", exist_ok=True)
    shutil.copy2(binary, root + IMAGE_PYTHON)  # the real binary under the name agents use
    # The standard library, without tests, GUI, build config and third-party folders.
    real_stdlib = os.path.realpath(stdlib)

    def ignore(folder, names):
        # __pycache__ stays: the host's compiled standard library spares every agent start compiling it
        if os.path.realpath(folder) == real_stdlib:
            return {n for n in names if n in _STDLIB_LEAVE_OUT or n.startswith("config-")}
        return set()
    shutil.copytree(real_stdlib, root + real_stdlib, symlinks=True, ignore=ignore)
    if libs is None:
        libs = _ldd([binary] + [os.path.join(dynload, n) for n in os.listdir(dynload) if n.endswith(".so")])
    for lib in sorted(libs):
        _copy_into(root, lib, copied)
    # Minimal /etc, /tmp, a home.
    os.makedirs(root + "/etc", exist_ok=True)
    with open(root + "/etc/passwd", "w") as f:
        f.write("root:x:0:0:root:/root:/usr/bin/python3\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n")
    with open(root + "/etc/group", "w") as f:
        f.write("root:x:0:\nnogroup:x:65534:\n")
    with open(root + "/etc/hosts", "w") as f:
        f.write("127.0.0.1 localhost\n")
    for d, mode in (("/tmp", 0o1777), ("/root", 0o700), ("/proc", 0o555), ("/sys", 0o555), ("/dev", 0o755),
                    ("/run", 0o755)):
        os.makedirs(root + d, exist_ok=True)
        os.chmod(root + d, mode)
    # The SDK and the agent.
    shutil.copytree(SDK_PACKAGE, root + IMAGE_SDK_DIR + "/clevagent",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(AGENT_SCRIPT, root + IMAGE_AGENT)
    return version


def build_image_tarball(workdir, cache_dir="/var/tmp"):
    """The agent image as a tarball in `workdir` (reused from `cache_dir` when its inputs did not change).
    Returns (path, seconds, how) with how "built" or "cached"."""
    t0 = time.time()
    binary, _, stdlib, dynload = _python_paths()
    modules = [os.path.join(dynload, n) for n in os.listdir(dynload) if n.endswith(".so")]
    libs = _ldd([binary] + modules)
    digest = _inputs_digest(binary, stdlib, libs)
    target = os.path.join(workdir, "agent-image.tar")
    cached = os.path.join(cache_dir, "clevagent-agent-image-%s.tar" % digest) if cache_dir else None
    if cached and os.path.exists(cached):
        try:
            os.link(cached, target)
        except OSError:
            shutil.copyfile(cached, target)
        return target, time.time() - t0, "cached"
    root = tempfile.mkdtemp(prefix="rootfs-", dir=workdir)
    try:
        build_root(root, libs)
        partial = target + ".partial"
        r = subprocess.run(["tar", "-C", root, "--numeric-owner", "--owner=0", "--group=0", "-cf", partial, "."],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise EngineError("tar of the image's root failed: %s" % r.stderr.strip())
        os.rename(partial, target)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if cached:
        try:
            tmp = cached + ".%d" % os.getpid()
            shutil.copyfile(target, tmp)
            os.rename(tmp, cached)
            for old in os.listdir(cache_dir):  # older versions of the same image go
                if old.startswith("clevagent-agent-image-") and os.path.join(cache_dir, old) != cached:
                    try:
                        os.unlink(os.path.join(cache_dir, old))
                    except OSError:
                        pass
        except OSError:
            pass
    return target, time.time() - t0, "built"


IMAGE_ENV = {"PYTHONPATH": IMAGE_SDK_DIR, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1",
             "PATH": "/usr/bin:/bin"}
IMAGE_CMD = [IMAGE_PYTHON, IMAGE_AGENT]


# ---- certificates -------------------------------------------------------------------------------

def _openssl(*args, cwd):
    r = subprocess.run(["openssl"] + list(args), cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        raise EngineError("openssl %s failed: %s" % (" ".join(args), r.stderr.strip()))


def make_certificates(folder):
    """A CA; a server certificate for IP 127.0.0.1; client certificates with an RSA key and with an EC
    (prime256v1) key. Returns dict(ca, server_cert, server_key, clients={"rsa": dir, "ec": dir}), each
    client dir holding ca.pem, cert.pem and key.pem as DOCKER_CERT_PATH expects."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "openssl.cnf"), "w") as f:
        f.write("[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = unused\n"
                "[ca]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\n"
                "subjectKeyIdentifier = hash\n"
                "[server]\nbasicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature,keyEncipherment\n"
                "extendedKeyUsage = serverAuth\nsubjectAltName = IP:127.0.0.1\n"
                "authorityKeyIdentifier = keyid\n"
                "[client]\nbasicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature,keyEncipherment\n"
                "extendedKeyUsage = clientAuth\nauthorityKeyIdentifier = keyid\n")
    c = folder
    _openssl("genrsa", "-out", "ca-key.pem", "2048", cwd=c)
    _openssl("req", "-config", "openssl.cnf", "-x509", "-new", "-key", "ca-key.pem", "-days", "2", "-subj",
             "/CN=clevagent test CA", "-extensions", "ca", "-out", "ca.pem", cwd=c)

    def sign(name, key_args, ext, subject):
        _openssl(*(key_args + ["-out", name + "-key.pem"]), cwd=c)
        _openssl("req", "-config", "openssl.cnf", "-new", "-key", name + "-key.pem", "-subj", subject,
                 "-out", name + ".csr", cwd=c)
        _openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                 "-days", "2", "-extfile", "openssl.cnf", "-extensions", ext, "-out", name + "-cert.pem", cwd=c)
        os.chmod(os.path.join(c, name + "-key.pem"), 0o600)

    sign("server", ["genrsa"], "server", "/CN=127.0.0.1")  # genrsa: 2048 bits by default
    clients = {}
    sign("client-rsa", ["genrsa"], "client", "/CN=clevagent-server rsa")
    sign("client-ec", ["ecparam", "-name", "prime256v1", "-genkey", "-noout"], "client", "/CN=clevagent-server ec")
    for kind in ("rsa", "ec"):
        d = os.path.join(c, kind)
        os.makedirs(d, exist_ok=True)
        shutil.copyfile(os.path.join(c, "ca.pem"), os.path.join(d, "ca.pem"))
        shutil.copyfile(os.path.join(c, "client-%s-cert.pem" % kind), os.path.join(d, "cert.pem"))
        shutil.copyfile(os.path.join(c, "client-%s-key.pem" % kind), os.path.join(d, "key.pem"))
        os.chmod(os.path.join(d, "key.pem"), 0o600)
        clients[kind] = d
    return {"ca": os.path.join(c, "ca.pem"), "server_cert": os.path.join(c, "server-cert.pem"),
            "server_key": os.path.join(c, "server-key.pem"), "clients": clients}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
