#!/usr/bin/env python3
"""campo with 100,000 responses in one data folder: wall time and peak memory
of `campo list`, `report`, `doctor` and `export`, and the home screen's first
paint and its return from a response (Esc), in a pseudo-terminal.

    cargo build --release && python3 bench/big.py [--count 100000]

The folder (responses of bench/sync.py's shape, one in ten a draft) is made
once under /tmp and kept; each command runs three times, the median is
shown. The first `campo list` builds the summary index: its time is shown on
its own. Run by hand; not a test. Standard library only."""
import argparse, fcntl, os, pty, select, shutil, statistics, struct, subprocess, sys, termios, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sync import CAMPO, response, write  # noqa: E402

ENV = dict(os.environ, CAMPO_CONFIG="/nonexistent/campo.toml", LANG="C", TERM="xterm-256color")


def folder(count):
    data = Path(f"/tmp/campo-bench-{count}")
    responses = data / "responses"
    if responses.is_dir() and len(os.listdir(responses)) == count:
        return data
    shutil.rmtree(data, ignore_errors=True)
    responses.mkdir(parents=True)
    for n in range(count):
        doc = response(n)
        if n % 10 == 0:
            doc["status"] = "draft"
        write(data, doc)
    return data


def timed(args):
    """Wall seconds and peak resident MB of one run (GNU time)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M", CAMPO, *args], env=ENV,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall, kb = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) / 1024


def wait_for(fd, text, limit=60.0):
    """Seconds until `text` has been written to the terminal."""
    seen, started = b"", time.perf_counter()
    while time.perf_counter() - started < limit:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            seen += os.read(fd, 1 << 20)
            if text in seen:
                return time.perf_counter() - started
    sys.exit(f"{text!r} never appeared")


def drain(fd, quiet=0.3):
    while select.select([fd], [], [], quiet)[0]:
        os.read(fd, 1 << 20)


def home(data, count):
    """First paint of the home screen, and its return from a response (the
    response may switch the screen to its own language: the count of
    responses is what marks the home screen in both)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(str(CAMPO), [str(CAMPO), "--data-dir", str(data)], ENV)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    first = wait_for(fd, f"{count} ".encode())
    drain(fd)
    returns = []
    for _ in range(3):
        os.write(fd, b"\r")            # open the selected response
        wait_for(fd, b"Tab")
        drain(fd)
        started = time.perf_counter()
        os.write(fd, b"\x1b")          # back home
        wait_for(fd, f"{count} ".encode())
        returns.append(time.perf_counter() - started)
        drain(fd)
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    return first, statistics.median(returns)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    count = parser.parse_args().count
    data = folder(count)
    (data / ".campo-index").unlink(missing_ok=True)
    first_list = timed(["--data-dir", data, "list"])
    print(f"{count} responses in {data}\n")
    print(f"| command | wall (median of 3) | peak memory |\n|---|---|---|")
    print(f"| `campo list`, building the index | {first_list[0]:.2f} s | {first_list[1]:.0f} MB |")
    export = Path("/tmp/campo-bench-export")
    commands = [("campo list", ["list"]), ("campo report", ["report"]),
                ("campo doctor", ["doctor"]),
                ("campo export --format csv", ["export", "--format", "csv", "--out", export]),
                ("campo export --format all", ["export", "--format", "all", "--out", export])]
    for name, args in commands:
        runs = [timed(["--data-dir", data, *args]) for _ in range(3)]
        wall = statistics.median(r[0] for r in runs)
        memory = max(r[1] for r in runs)
        print(f"| `{name}` | {wall:.2f} s | {memory:.0f} MB |")
    first, back = home(data, count)
    print(f"| home screen, first paint | {first:.2f} s | |")
    print(f"| home screen, back from a response (Esc) | {back:.2f} s | |")


if __name__ == "__main__":
    main()
