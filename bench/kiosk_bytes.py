#!/usr/bin/env python3
"""What a director's session costs through the SSH front door: a real sshd on
loopback with the Match block of docs/survey.md runs `campo kiosk`; a real `ssh`
client in a pseudo-terminal enters a department's code and completes the
questionnaire (the "No" branch: 9 questions, the two from the list passed
with Enter, review, mark complete, leave). Reports the bytes campo wrote to
its terminal, and the bytes on the wire (both directions, through a counting
proxy) without and with `ssh -C`.

    cargo build --release && sudo python3 bench/kiosk_bytes.py

Needs root (sshd) and openssh-server. Run by hand; not a test. Standard
library only."""
import fcntl, os, pty, re, select, socket, struct, subprocess, sys, tempfile, termios, threading, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAMPO = ROOT / "target" / "release" / "campo"
QUIET = 0.3
FRAME = ("unit,dept_name,dept_region,population,email\n"
         "dsm-lecce,DSM Lecce,puglia,780000,l@example.org\n"
         "dsm-bari,DSM Bari,puglia,1200000,b@example.org\n")
KEYS = [b"\r", b"\r", b"2", b"\r", b"1", b"\r", b"1", b"\r", b"2", b"\r", b"2", b"\r", b"2", b"\r",
        b"\x1bOR", b"c", b"\x1b", b"\x1b"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def campo(*args, env=None, **kw):
    return subprocess.run([str(CAMPO), *args], check=True, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, **kw).stdout


class Proxy(threading.Thread):
    """Forwards one port to another and counts the bytes each way."""

    def __init__(self, target):
        super().__init__(daemon=True)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port, self.target, self.up, self.down = self.listener.getsockname()[1], target, 0, 0

    def run(self):
        while True:
            client, _ = self.listener.accept()
            server = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self.pump, args=(client, server, "up"), daemon=True).start()
            threading.Thread(target=self.pump, args=(server, client, "down"), daemon=True).start()

    def pump(self, src, dst, way):
        while data := src.recv(65536):
            setattr(self, way, getattr(self, way) + len(data))
            dst.sendall(data)
        dst.shutdown(socket.SHUT_WR)


def session(ssh_args, code):
    """Runs the session in a pty; returns the bytes the client's terminal got."""
    pid, fd = pty.fork()
    if pid == 0:
        # 80x24, set before ssh reads it to ask the server for its pty.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execvp("ssh", ["ssh", *ssh_args])
    got = bytearray()

    def drain(limit=10.0):
        deadline = time.time() + limit
        while time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], QUIET)
            if not ready:
                return
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            got.extend(chunk)

    while b"Codice di accesso" not in got:
        drain(1.0)
    os.write(fd, code.encode() + b"\r")
    drain()
    for key in KEYS:
        os.write(fd, key)
        drain()
    drain(5.0)
    os.waitpid(pid, 0)
    return bytes(got)


def main():
    if os.geteuid() != 0 or not Path("/usr/sbin/sshd").exists():
        sys.exit("needs root and /usr/sbin/sshd (apt-get install openssh-server)")
    work = Path(tempfile.mkdtemp())
    db = work / "server.sqlite"
    (work / "frame.csv").write_text(FRAME)
    campo("serve", "--db", str(db), "frame", "import", str(work / "frame.csv"))
    codes = [line.split(",")[1] for line in campo("serve", "--db", str(db), "codes").splitlines()[1:]]
    token = campo("serve", "--db", str(db), "token", "add", "kiosk", "--kiosk").strip()
    port = free_port()
    server = subprocess.Popen([str(CAMPO), "serve", "--db", str(db), "--listen", f"127.0.0.1:{port}"],
                              stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    config = work / "kiosk.toml"
    campo("sync", "--setup", "--server", f"http://127.0.0.1:{port}", "--token", token,
          env={"CAMPO_CONFIG": str(config)})
    for name in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(work / name)], check=True)
    (work / "authorized_keys").write_text((work / "client.pub").read_text())
    block = (ROOT / "docs" / "survey.md").read_text().split("```sshd_config\n")[1].split("```")[0]
    user = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
    block = re.sub(r"Match User \S+", f"Match User {user}", block)
    sshd_port = free_port()
    os.makedirs("/run/sshd", exist_ok=True)
    results = []
    for compress in (False, True):
        data = work / f"kiosk-data-{compress}"
        force = f"CAMPO_CONFIG={config} exec {CAMPO} --data-dir {data} kiosk"
        conf = (f"ListenAddress 127.0.0.1\nPort {sshd_port}\nHostKey {work}/host\nPidFile none\nUsePAM no\n"
                f"StrictModes no\nAuthorizedKeysFile {work}/authorized_keys\n"
                + re.sub(r"ForceCommand .*", f"ForceCommand {force}", block))
        (work / "sshd_config").write_text(conf)
        sshd = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", str(work / "sshd_config")],
                                stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        proxy = Proxy(sshd_port)
        proxy.start()
        args = ["-tt", "-F", "/dev/null", "-i", str(work / "client"), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-p", str(proxy.port)]
        if compress:
            args.append("-C")
        screen = session(args + [f"{user}@127.0.0.1"], codes[int(compress)])
        complete = b"sono arrivate al gruppo di ricerca" in screen
        if os.environ.get("SHOW"):
            print(screen[-2000:].decode(errors="replace"))
        results.append((compress, len(screen), proxy.up, proxy.down, complete))
        sshd.terminate()
        sshd.wait()
    server.terminate()
    print("| ssh | bytes campo wrote | on the wire, client → server | server → client | completed |")
    print("|---|---|---|---|---|")
    for compress, screen, up, down, complete in results:
        print(f"| {'-C' if compress else 'plain'} | {screen:,} | {up:,} | {down:,} | {complete} |")


if __name__ == "__main__":
    main()
