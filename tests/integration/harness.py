"""Shared harness for the integration suites: runs the real amplifybackend-server binary.

Every TestCase class gets its own server (``ServerTestCase``): a temp data dir, ``--port 0``,
the port read from the start-up line (``listening on http://HOST:PORT``), then a wait for
``GET /_health``. ``Server`` also supports ``kill -9`` and restarting on the same data dir.

The binary is ``$AMPLIFYBACKEND_SERVER_BIN`` (CTest sets it), else the newest
``build*/amplifybackend-server`` of the repository.
"""
import glob
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.parse
import uuid

import boto3
from botocore.config import Config

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "x"
REGION = "us-east-1"
LISTENING = re.compile(r"listening on http://([^\s:/]+):(\d+)")
ISO_MILLIS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
START_TIMEOUT = 20.0


def server_binary():
    """Path of the server binary, or a clear error telling how to provide one."""
    path = os.environ.get("AMPLIFYBACKEND_SERVER_BIN")
    if path:
        if not os.access(path, os.X_OK):
            raise RuntimeError("AMPLIFYBACKEND_SERVER_BIN=%s is not an executable file "
                               "(build it first: cmake --build build)" % path)
        return path
    candidates = [p for p in glob.glob(os.path.join(REPO_ROOT, "build*", "amplifybackend-server"))
                  if os.access(p, os.X_OK)]
    if not candidates:
        raise RuntimeError("amplifybackend-server binary not found: set AMPLIFYBACKEND_SERVER_BIN "
                           "or build it (tools/dev.sh test, or cmake --build build)")
    return max(candidates, key=os.path.getmtime)


def unique(prefix="app"):
    """A name no other test (or earlier run on the same data dir) uses."""
    return "%s-%s" % (prefix, uuid.uuid4().hex[:10])


class Server:
    """One server process on a private data dir; restartable on that same dir."""

    def __init__(self, *args, in_memory=False):
        self.args = list(args)
        self.in_memory = in_memory
        self.root = tempfile.mkdtemp(prefix="amplifybackend-it-")
        self.data_dir = os.path.join(self.root, "data")
        os.makedirs(self.data_dir)
        self.proc = None
        self.port = None
        self.starts = 0
        self.log_path = None
        self.clients = []  # boto3 clients of the running process, closed when it goes away

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self):
        assert self.proc is None, "server already running"
        self.starts += 1
        self.log_path = os.path.join(self.root, "server-%d.log" % self.starts)
        cmd = [server_binary(), "serve", "--host", "127.0.0.1", "--port", "0",
               "--data-dir", self.data_dir] + (["--in-memory"] if self.in_memory else []) + self.args
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, cwd=self.root)
        deadline = time.monotonic() + START_TIMEOUT
        while self.port is None:
            match = LISTENING.search(self.log())
            if match:
                self.port = int(match.group(2))
                break
            if self.proc.poll() is not None:
                self._fail_start("exited with status %s before listening" % self.proc.returncode)
            if time.monotonic() > deadline:
                self._fail_start("printed no 'listening on http://...' line in %ss" % START_TIMEOUT)
            time.sleep(0.02)
        while True:
            try:
                status, _, body = self.request("GET", "/_health")
                if status == 200 and json.loads(body).get("status") == "ok":
                    return self
            except (OSError, ValueError):
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self._fail_start("never answered GET /_health with status ok")
            time.sleep(0.02)

    def _fail_start(self, why):
        cmd = " ".join(self.proc.args)
        self._reap(signal.SIGKILL)
        raise RuntimeError("amplifybackend-server %s\ncommand: %s\nlog:\n%s" % (why, cmd, self.log()))

    def kill9(self):
        """Simulates a crash: SIGKILL, no chance to flush or clean up."""
        self._reap(signal.SIGKILL)

    def stop(self):
        """Graceful stop (SIGTERM), SIGKILL after 10 s."""
        self._reap(signal.SIGTERM)

    def restart(self, kill=True):
        self.kill9() if kill else self.stop()
        return self.start()

    def close(self):
        self._reap(signal.SIGKILL)
        shutil.rmtree(self.root, ignore_errors=True)

    def _reap(self, sig):
        for client in self.clients:
            close = getattr(client, "close", None)  # botocore >= 1.23
            if close:
                close()
        self.clients = []
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        self.port = None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def log(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except (OSError, TypeError):
            return ""

    def data_files(self):
        """Every file under the data dir (for --in-memory checks)."""
        return [os.path.join(d, f) for d, _, fs in os.walk(self.data_dir) for f in fs]

    # -- clients -----------------------------------------------------------------------------
    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.port

    def client(self, prefix="", access_key=ACCESS_KEY, region=REGION):
        client = boto3.session.Session().client(
            "amplifybackend", endpoint_url=self.url + prefix, region_name=region,
            aws_access_key_id=access_key, aws_secret_access_key=SECRET_KEY,
            config=Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30))
        self.clients.append(client)
        return client

    def request(self, method, path, body=None, headers=None, timeout=10):
        """Raw (unsigned) HTTP request. Returns (status, headers, body bytes); header lookup via
        ``headers.get(name)`` is case-insensitive."""
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode()
        hdrs = dict(headers or {})
        if body is not None:
            hdrs.setdefault("Content-Type", "application/json")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=hdrs)
            resp = conn.getresponse()
            return resp.status, resp.headers, resp.read()
        finally:
            conn.close()


def quote_label(label):
    """Percent-encodes one path label the way botocore does (safe chars -._~)."""
    return urllib.parse.quote(label, safe="-._~")


class ServerTestCase(unittest.TestCase):
    """One server per TestCase class. Subclasses set ``server_args`` / ``in_memory`` and may set
    ``prefix`` ("/prod") so that ``self.client`` talks to ``<endpoint>/prod``."""

    server_args = ()
    in_memory = False
    prefix = ""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = Server(*cls.server_args, in_memory=cls.in_memory)
        try:
            cls.server.start()
            cls.client = cls.server.client(cls.prefix)
            cls.setUpData()
        except Exception:
            cls.server.close()
            raise

    @classmethod
    def setUpData(cls):
        """Hook: class-wide fixtures created once on the fresh server."""

    @classmethod
    def tearDownClass(cls):
        crashed = cls.server.proc is not None and not cls.server.alive()
        log = cls.server.log()
        cls.server.close()
        super().tearDownClass()
        if crashed:
            raise AssertionError("amplifybackend-server died during %s; log:\n%s"
                                 % (cls.__name__, log[-4000:]))

    def setUp(self):
        if self.server.proc is not None and not self.server.alive():
            self.fail("amplifybackend-server is no longer running; log:\n" + self.server.log()[-4000:])

    # -- helpers -----------------------------------------------------------------------------
    def assertAwsError(self, code, call, *args, status=None, **kwargs):
        """Calls ``call`` and asserts it raises the AWS error ``code``; returns e.response."""
        from botocore.exceptions import ClientError
        with self.assertRaises(ClientError) as ctx:
            call(*args, **kwargs)
        response = ctx.exception.response
        self.assertEqual(response["Error"]["Code"], code, response)
        if status is not None:
            self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], status, response)
        return response

    def create_backend(self, app_id=None, env="dev", app_name=None, client=None):
        app_id = app_id or unique()
        return (client or self.client).create_backend(
            AppId=app_id, AppName=app_name or "App " + app_id, BackendEnvironmentName=env)

    def wait_for_job(self, app_id, env, job_id, status="COMPLETED", timeout=15.0, client=None):
        """Polls GetBackendJob until the job has ``status`` (bounded; for --job-duration)."""
        client = client or self.client
        deadline = time.monotonic() + timeout
        while True:
            job = client.get_backend_job(AppId=app_id, BackendEnvironmentName=env, JobId=job_id)
            if job["Status"] == status:
                return job
            if time.monotonic() > deadline:
                self.fail("job %s still %s after %ss (wanted %s)" % (job_id, job["Status"],
                                                                     timeout, status))
            time.sleep(0.05)


def run_threads(target, count, timeout=120):
    """Runs target(i) for i in range(count) on threads; returns the exceptions they raised."""
    errors = []

    def guarded(i):
        try:
            target(i)
        except Exception as e:  # reported in the main thread
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    return errors
