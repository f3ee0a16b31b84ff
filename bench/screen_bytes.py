#!/usr/bin/env python3
"""What campo costs on the wire: runs the release binary in a pseudo-terminal
at 80x24 with a fresh data folder, walks the whole bundled questionnaire
("yes" branches, a language switch half way, quit) and measures the bytes it
writes for each kind of key, the first paint, a key that changes nothing,
10 s of idleness, the time to first paint and the peak memory; then the
home screen and `campo list` with 10,000 responses.

    cargo build --release && python3 bench/screen_bytes.py

Run by hand; not a test. Standard library only."""
import fcntl, os, pty, select, statistics, struct, subprocess, sys, tempfile, termios, time
from pathlib import Path

CAMPO = Path(__file__).resolve().parent.parent / "target" / "release" / "campo"
QUIET = 0.15  # seconds of silence that end a burst
KEYS = {"down": b"\x1b[B", "up": b"\x1b[A", "enter": b"\r", "tab": b"\t", "pgdn": b"\x1b[6~",
        "space": b" ", "f2": b"\x1bOQ", "ctrl-c": b"\x03", "backspace": b"\x7f"}


class Tty:
    def __init__(self, args, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(str(CAMPO), [str(CAMPO), *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.started = time.perf_counter()

    def burst(self, limit=5.0):
        """Bytes and reads until QUIET seconds pass with nothing written."""
        total, reads, deadline = 0, 0, time.perf_counter() + limit
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], QUIET)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            total, reads = total + len(chunk), reads + 1
        return total, reads

    def key(self, name):
        os.write(self.fd, KEYS.get(name, name.encode()))
        return self.burst()

    def peak_rss_kb(self):
        for line in open(f"/proc/{self.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


def walk():
    """(kind, key) pairs: the whole questionnaire, "yes" branches, English
    then Italian from the middle."""
    steps = [("move", "down")] * 6 + [("move", "up")] * 2 + [("type", c) for c in "ven"]
    steps += [("toggle", "2"), ("next question", "enter")]
    steps += [("type", c) for c in "DSM-DP ULSS 9, perché sì"] + [("next question", "enter")]
    choose = lambda *keys: [("toggle", k) for k in keys] + [("next question", "enter")]
    steps += [("move", "down"), ("move", "up")] + choose("1")          # ps_active
    steps += [("move", "down")] * 2 + choose("3") + choose("2")        # ps_years, ps_count
    steps += [("move", "down")] * 3 + choose("1", "2")                  # ps_services
    steps += choose("1", "2") + [("language", "f2")]                    # ps_activities, then Italian
    steps += choose("1") + choose("1") + choose("1") + choose("2") + choose("1")
    steps += choose("4") + choose("1") + choose("1", "2") + choose("1")
    steps += [("next section", "pgdn")]                                 # to (e) barriers
    steps += choose("1", "2", "3") + choose("2") + choose("1") + choose("1")
    steps += choose("1") + choose("3") + choose("1") + choose("2") + choose("1")
    steps += [("move", "down")] * 4 + choose("1", "4") + choose("4")
    steps += [("type", c) for c in "Gruppi AMA"] + [("next question", "tab")]
    return steps


def scale(count=10000):
    """Home screen and `campo list` with `count` responses in the data folder."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from sync import response, write
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "")}
    with tempfile.TemporaryDirectory() as data:
        (Path(data) / "responses").mkdir()
        for n in range(count):
            write(Path(data), response(n))
        started = time.perf_counter()
        subprocess.run([CAMPO, "--data-dir", data, "list"], stdout=subprocess.DEVNULL, check=True)
        listed = (time.perf_counter() - started) * 1000
        tty = Tty(["--lang", "en", "--data-dir", data], env)
        select.select([tty.fd], [], [], 10)
        tty.burst()
        painted = (time.perf_counter() - tty.started - QUIET) * 1000
        moves = []
        for _ in range(20):
            started = time.perf_counter()
            os.write(tty.fd, KEYS["down"])
            select.select([tty.fd], [], [], 5)
            moves.append((time.perf_counter() - started) * 1000)
            tty.burst()
        tty.key("q")
        os.waitpid(tty.pid, 0)
    print(f"\nwith {count} responses in the data folder")
    print(f"{'campo list':<34}{listed:>9.0f} ms")
    print(f"{'home screen, start to first paint':<34}{painted:>9.0f} ms")
    print(f"{'home screen, one move (max)':<34}{max(moves):>9.1f} ms")


def main():
    if not CAMPO.exists():
        sys.exit("build first: cargo build --release")
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "")}
    with tempfile.TemporaryDirectory() as data:
        tty = Tty(["--lang", "en", "--data-dir", data, "new"], env)
        ready, _, _ = select.select([tty.fd], [], [], 5)
        first_byte = time.perf_counter() - tty.started
        paint, paint_reads = tty.burst()
        # The burst ends after QUIET of silence: the paint itself ended before.
        first_paint_ms = (time.perf_counter() - tty.started - QUIET) * 1000
        noop, _ = tty.key("up")  # the cursor is on the first region already
        by_kind, writes = {}, []
        for kind, key in walk():
            sent, reads = tty.key(key)
            by_kind.setdefault(kind, []).append(sent)
            writes.append(reads)
        time.sleep(0.2)
        tty.burst(0.3)
        idle_start = time.perf_counter()
        idle = 0
        while time.perf_counter() - idle_start < 10:
            ready, _, _ = select.select([tty.fd], [], [], 10)
            if ready:
                idle += len(os.read(tty.fd, 65536))
        rss = tty.peak_rss_kb()
        tty.key("ctrl-c")
        os.waitpid(tty.pid, 0)
    print("campo in a pseudo-terminal at 80x24 (bench/screen_bytes.py), release build")
    print(f"{'measure':<34}{'value':>12}")
    print(f"{'first paint':<34}{paint:>10} B")
    print(f"{'start to first byte':<34}{first_byte * 1000:>9.1f} ms")
    print(f"{'start to end of first paint':<34}{max(first_paint_ms, first_byte * 1000):>9.1f} ms")
    print(f"{'key that changes nothing':<34}{noop:>10} B")
    print(f"{'10 s idle':<34}{idle:>10} B")
    print(f"{'peak RSS':<34}{rss / 1024:>9.1f} MB")
    print(f"{'writes per key (max)':<34}{max(writes):>12}")
    print()
    print(f"{'bytes per key':<16}{'keys':>6}{'mean':>8}{'p95':>8}{'max':>8}")
    for kind, sizes in by_kind.items():
        ordered = sorted(sizes)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        print(f"{kind:<16}{len(sizes):>6}{statistics.mean(sizes):>8.0f}{p95:>8}{max(sizes):>8}")
    scale()


if __name__ == "__main__":
    main()
