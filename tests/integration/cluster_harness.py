"""The multi-process suite's harness (test_cluster.py): a fresh PostgreSQL database per class,
several server processes on it, boto3 clients per process, and a write load that records every
outcome. The PostgreSQL comes from AMPLIFYBACKEND_TEST_DATABASE_URL (tools/dev.sh test starts
one with tools/pg.sh); without it the suite is skipped, unless AMPLIFY_REQUIRE_POSTGRES=1 (CI),
where it fails.
"""
import itertools
import os
import re
import subprocess
import sys
import threading
import time
import unittest
import urllib.parse
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from harness import REGION, REPO_ROOT, SECRET_KEY, Server, ServerTestCase, run_threads  # noqa: F401

BASE_URL = os.environ.get("AMPLIFYBACKEND_TEST_DATABASE_URL", "")
REQUIRED = os.environ.get("AMPLIFY_REQUIRE_POSTGRES") == "1"
PG_SH = os.path.join(REPO_ROOT, "tools", "pg.sh")


def require_postgres():
    if BASE_URL:
        return
    if REQUIRED:
        raise AssertionError("AMPLIFY_REQUIRE_POSTGRES=1 but AMPLIFYBACKEND_TEST_DATABASE_URL is "
                             "unset: the multi-process suite must run (tools/dev.sh test sets it)")
    raise unittest.SkipTest("AMPLIFYBACKEND_TEST_DATABASE_URL is unset: no PostgreSQL to run "
                            "several processes on (tools/dev.sh test starts one)")


def psql(url, sql):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                   check=True, capture_output=True, text=True, timeout=60)


class Database:
    """A fresh database on the test PostgreSQL, dropped (connections and all) by drop()."""

    def __init__(self, base_url=BASE_URL):
        parts = urllib.parse.urlsplit(base_url)
        if parts.scheme not in ("postgres", "postgresql"):
            raise AssertionError("AMPLIFYBACKEND_TEST_DATABASE_URL must be a postgresql:// URL")
        self.base_url = base_url
        self.name = "test_" + uuid.uuid4().hex[:12]
        psql(base_url, "CREATE DATABASE " + self.name)
        self.url = urllib.parse.urlunsplit(parts._replace(path="/" + self.name))

    def drop(self):
        psql(self.base_url, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.name)


def client_for(port):
    """A boto3 client of one port, made outside the harness (threads make their own)."""
    return boto3.session.Session().client(
        "amplifybackend", endpoint_url="http://127.0.0.1:%d" % port, region_name=REGION,
        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key=SECRET_KEY,
        config=Config(retries={"total_max_attempts": 1}, connect_timeout=3, read_timeout=30))


def outcome(call, **kwargs):
    """'ok', '<status> <AWS error code>', or 'connection <exception>' (no answer at all)."""
    try:
        call(**kwargs)
        return "ok"
    except ClientError as e:
        return "%s %s" % (e.response["ResponseMetadata"]["HTTPStatusCode"],
                          e.response["Error"]["Code"])
    except (BotoCoreError, OSError) as e:
        return "connection " + type(e).__name__


def buckets(client):
    """Every S3BucketInfo of ListS3Buckets, following NextToken (botocore has no paginator)."""
    found, token = [], None
    while True:
        page = client.list_s3_buckets(**({"NextToken": token} if token else {}))
        found += page.get("Buckets", [])
        token = page.get("NextToken")
        if not token:
            return found


def strip(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def log(message):
    print(message, file=sys.stderr, flush=True)


class ClusterTestCase(ServerTestCase):
    """PROCESSES servers on one fresh database, started at once (migrations run under an advisory
    lock); self.clients[i] talks to process i directly."""

    PROCESSES = 3
    server_args = ()

    @classmethod
    def database_url(cls):
        cls.database = Database()
        return cls.database.url

    @classmethod
    def setUpClass(cls):
        require_postgres()
        cls.database = None
        cls.servers = []
        try:
            url = cls.database_url()
            cls.servers = [Server("--database-url", url, *cls.server_args)
                           for _ in range(cls.PROCESSES)]
            errors = run_threads(lambda i: cls.servers[i].start(), cls.PROCESSES)
            if errors:
                raise errors[0]
            cls.clients = [s.client() for s in cls.servers]
            cls.server, cls.client = cls.servers[0], cls.clients[0]
        except Exception:
            cls.close_cluster()
            raise

    @classmethod
    def close_cluster(cls):
        for server in cls.servers:
            server.close()
        if cls.database:
            cls.database.drop()

    @classmethod
    def tearDownClass(cls):
        crashed = [s.log()[-3000:] for s in cls.servers if s.proc is not None and not s.alive()]
        cls.close_cluster()
        if crashed:
            raise AssertionError("a server died during %s; its log:\n%s" % (cls.__name__,
                                                                             crashed[0]))

    def setUp(self):
        for i, server in enumerate(self.servers):  # a test that killed one leaves it to us
            if not server.alive():
                server.kill9()
                server.start()
                self.clients[i] = server.client()

    def completed_jobs(self, server):
        _, _, body = server.request("GET", "/_metrics")
        match = re.search(r'amplifybackend_jobs_total\{status="COMPLETED"\} (\d+)', body.decode())
        return int(match.group(1))


class WriteLoad:
    """Threads doing CreateBackend with unique app ids, round-robin over the live processes,
    recording every outcome until stop()."""

    def __init__(self, servers, threads=6):
        self.servers = servers
        self.outcomes = []  # (app id, server index, outcome, monotonic time)
        self.started = time.monotonic()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.writer, args=(t,)) for t in range(threads)]
        for t in self.threads:
            t.start()

    def writer(self, t):
        clients = {}  # port -> client: a restarted process has a new port
        for n in itertools.count():
            if self.stopping.is_set():
                return
            i = (t + n) % len(self.servers)
            port = self.servers[i].port
            if port is None:  # being restarted
                time.sleep(0.01)
                continue
            client = clients.get(port) or clients.setdefault(port, client_for(port))
            app_id = "load-%d-%d-%s" % (t, n, uuid.uuid4().hex[:6])
            result = outcome(client.create_backend, AppId=app_id, AppName="Load",
                             BackendEnvironmentName="dev")
            with self.lock:
                self.outcomes.append((app_id, i, result, time.monotonic()))

    def stop(self):
        self.stopping.set()
        for t in self.threads:
            t.join(60)

    def acknowledged(self):
        return [app_id for app_id, _, result, _ in self.outcomes if result == "ok"]

    def unanswered(self):
        return [app_id for app_id, _, result, _ in self.outcomes if result.startswith("conn")]


class LoadCheck:
    """Checks shared by the kill and restart scenarios."""

    def assertAllReadable(self, app_ids, client):
        missing = []
        for app_id in app_ids:
            try:
                envs = client.get_backend(AppId=app_id)["BackendEnvironmentList"]
            except ClientError:
                envs = None
            if envs != ["dev"]:
                missing.append((app_id, envs))
        self.assertEqual(missing, [], "acknowledged writes lost")

    def assertWholeOrAbsent(self, app_ids, client):
        """A write that got no answer applied entirely or not at all."""
        for app_id in app_ids:
            try:
                envs = client.get_backend(AppId=app_id)["BackendEnvironmentList"]
            except ClientError as e:
                self.assertEqual(e.response["Error"]["Code"], "NotFoundException")
                continue
            self.assertEqual(envs, ["dev"])
            jobs = client.list_backend_jobs(AppId=app_id, BackendEnvironmentName="dev")["Jobs"]
            self.assertEqual([j["Status"] for j in jobs], ["COMPLETED"])
