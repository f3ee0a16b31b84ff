#!/usr/bin/env python3
"""campo beside whiptail, in one run, at 80x24 in Italian: the bytes of
moving down a 15-option list that scrolls (ps_difficulties, Down x14) and
the 21-region list (Down x10) with their first paints, the whole
questionnaire (raw and zlib-6, what `ssh -C` sends), peak memory, and start
to first paint over interleaved rounds (the harness floor, `printf x`,
measured in the same rounds).

    cargo build --release && python3 bench/compare.py [--rounds 12]

Needs ../shared/tools/ttybytes.py (or TTYBYTES=path) and whiptail
(`apt-get install whiptail`). whiptail has no whole questionnaire of its
own here: its figures for that row are the ones measured beside campo in
../shared/reviews/performance.md (the same 28 items as whiptail dialogs).
Run by hand; not a test. Standard library only."""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile, zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAMPO = ROOT / "target" / "release" / "campo"
TTYBYTES = Path(os.environ.get("TTYBYTES", ROOT.parent / "shared" / "tools" / "ttybytes.py"))
sys.path.insert(0, str(ROOT / "bench"))
import walk  # noqa: E402

# The whole questionnaire by whiptail, from ../shared/reviews/performance.md.
WHIPTAIL_WALK = (93118, 5895)


def labels(item):
    """The Italian labels of a bundled item's options, in the form's order."""
    form = json.loads((ROOT / "forms" / "mhd-peer-support-2025" / "form.json").read_text())
    options = next(i for s in form["sections"] for i in s["items"] if i["id"] == item)["options"]
    messages = {}
    for line in (ROOT / "locales" / "it" / "questionnaire.ftl").read_text().splitlines():
        m = re.match(r"^(\S+) = (.*)$", line)
        if m:
            messages[m.group(1)] = m.group(2)
    return [messages[o["label"]] for o in options]


def tty(keys, *cmd, env=()):
    args = [sys.executable, str(TTYBYTES), "--cols", "80", "--rows", "24", "--lang", "it_IT.UTF-8"]
    for pair in env:
        args += ["--env", pair]
    dump = tempfile.NamedTemporaryFile(delete=False)
    args += ["--dump", dump.name, "--keys", keys, "--", *map(str, cmd)]
    result = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    result["raw"] = Path(dump.name).read_bytes()
    os.unlink(dump.name)
    return result


def campo(keys):
    data = tempfile.mkdtemp()
    try:
        return tty(keys, CAMPO, "--lang", "it", "--data-dir", data, "new",
                   env=["CAMPO_CONFIG=/nonexistent"])
    finally:
        shutil.rmtree(data)


def whiptail_list(kind, question, labels, keys):
    items = []
    for n, label in enumerate(labels, 1):
        items += [str(n), label, "OFF"]
    return tty(keys, "whiptail", "--title", "campo", kind, question, "22", "78", "12", *items)


def per_key(result, last):
    keys = result["per_key_bytes"][-last:]
    return sum(keys) / len(keys)


def startup(rounds):
    """Median ms from start to first paint of campo, whiptail and `printf x`,
    interleaved round by round."""
    regions = labels("dept_region")
    items = [x for n, r in enumerate(regions, 1) for x in (str(n), r, "OFF")]
    commands = {
        "campo": lambda: campo("ctrl-c"),
        "whiptail": lambda: tty("esc", "whiptail", "--radiolist", "Regione", "22", "78", "12", *items),
        "printf x": lambda: tty("", "printf", "x"),
    }
    times = {name: [] for name in commands}
    for _ in range(rounds):
        for name, run in commands.items():
            times[name].append(run()["first_paint_ms"])
    return {name: statistics.median(t) for name, t in times.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=12)
    rounds = parser.parse_args().rounds
    if not CAMPO.exists() or not shutil.which("whiptail") or not TTYBYTES.exists():
        sys.exit("needs target/release/campo, whiptail and ttybytes.py (see the top of this file)")
    difficulties, regions = labels("ps_difficulties"), labels("dept_region")
    rows = []

    c = campo(",".join(walk.prefix("digits", 16) + ["down"] * 14))
    w = whiptail_list("--checklist", "Quali difficoltà?", difficulties, ",".join(["down"] * 14))
    rows.append(("15-option list that scrolls, Down x14, B/key", per_key(w, 14), per_key(c, 14)))

    c = campo(",".join(["down"] * 10))
    w = whiptail_list("--radiolist", "In quale regione?", regions, ",".join(["down"] * 10))
    rows.append(("21-region list, Down x10, B/key", per_key(w, 10), per_key(c, 10)))
    rows.append(("first paint of the region list, B", w["first_paint_bytes"], c["first_paint_bytes"]))
    rows.append(("peak memory at the first question, MB", w["peak_rss_kb"] / 1024, c["peak_rss_kb"] / 1024))

    for mode in ("digits", "arrows"):
        c = campo(",".join(walk.walk(mode)))
        raw = c["raw"]
        rows.append((f"whole questionnaire by {mode}, raw B", WHIPTAIL_WALK[0], len(raw)))
        rows.append((f"same, zlib-6 (ssh -C), B", WHIPTAIL_WALK[1], len(zlib.compress(raw, 6))))

    medians = startup(rounds)
    floor = medians["printf x"]
    rows.append((f"start to first paint over the floor ({floor:.1f} ms), ms, median of {rounds}",
                 medians["whiptail"] - floor, medians["campo"] - floor))

    print(f"{'80x24, Italian':<62}{'whiptail':>10}{'campo':>10}")
    for name, theirs, ours in rows:
        print(f"{name:<62}{theirs:>10.1f}{ours:>10.1f}")


if __name__ == "__main__":
    main()
