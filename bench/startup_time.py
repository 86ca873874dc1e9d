#!/usr/bin/env python3
"""Start-up time of amplifybackend-server for bench/run.sh: the milliseconds from starting the
process until `GET /_health` answers 200, polled every 5 ms, over RUNS fresh starts on the same
data dir (each run stops the server with SIGTERM and waits for it before the next).

  bench/startup_time.py SERVER_BIN DATA_DIR RUNS

Prints one line per run on stderr and, on stdout, "RESULT <median ms> <ms of each run...>".
Exits 1 if a start does not answer within 30 s.
"""
import os
import signal
import socket
import statistics
import subprocess
import sys
import time

POLL_S = 0.005
GIVE_UP_S = 30.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def health_ok(port):
    """True when /_health answers 200; False while nothing listens or it answers otherwise."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET /_health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            status = s.recv(64)
            return status.startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def one_start(server, data_dir, log):
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([server, "--port", str(port), "--data-dir", data_dir],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        while not health_ok(port):
            if proc.poll() is not None:
                sys.exit(f"startup_time.py: the server exited with {proc.returncode} before /_health")
            if time.perf_counter() - started > GIVE_UP_S:
                sys.exit(f"startup_time.py: no 200 from /_health within {GIVE_UP_S:.0f} s")
            time.sleep(POLL_S)
        return (time.perf_counter() - started) * 1000
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: startup_time.py SERVER_BIN DATA_DIR RUNS")
    server, data_dir, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    times = []
    with open(os.path.join(os.path.dirname(os.path.abspath(data_dir)), "startup.log"), "ab") as log:
        for run in range(runs):
            ms = one_start(server, data_dir, log)
            print(f"   start-up {run + 1}/{runs}: {ms:.1f} ms", file=sys.stderr)
            times.append(ms)
    print("RESULT %.1f %s" % (statistics.median(times), " ".join(f"{t:.1f}" for t in times)))


if __name__ == "__main__":
    main()
