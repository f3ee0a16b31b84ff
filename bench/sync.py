#!/usr/bin/env python3
"""Sync benchmark: N complete responses to `campo serve` on loopback, then a
re-sync with nothing new, then 100 edited responses.

    cargo build --release && python3 bench/sync.py [--count 10000]

Prints a table of time, bytes sent and requests made for each step. Run by
hand; not a test."""
import argparse, json, os, re, subprocess, sys, tempfile, time
from pathlib import Path

CAMPO = Path(__file__).resolve().parent.parent / "target" / "release" / "campo"
REGIONS = ["veneto", "sicilia", "lazio", "valle_d_aosta", "puglia", "toscana"]


def response(n, revision=1, name=None):
    return {
        "id": f"0000bench-0000-4000-8000-{n:012x}".replace("bench", "0be7"),
        "form": {"id": "mhd-peer-support-2025", "version": 1},
        "status": "complete",
        "created": "2026-01-10T09:00:00Z",
        "updated": "2026-01-10T09:30:00Z",
        "lang": "it",
        "revision": revision,
        "answers": {
            "dept_region": REGIONS[n % len(REGIONS)],
            "dept_name": name or f"DSM n. {n}",
            "ps_active": "yes", "ps_years": "y4_6", "ps_count": "n1_3",
            "ps_services": ["cmhc", "day_centre", "other"], "ps_services_other": "Ambulatorio",
            "ps_activities": ["individual_recovery", "peer_groups"], "ps_trained": "yes",
            "ps_training_by": ["mhd", "user_assoc"], "ps_paid": "yes", "ps_funding": ["mhd_funds"],
            "ps_protocols": "no", "ps_effective": "very", "ps_stigma": "yes",
            "ps_stigma_how": ["narratives", "awareness"], "ps_satisfaction": "yes",
            "ps_difficulties": ["recognition", "resources", "cultural_resistance"],
            "cp_planning_role": "consultative", "cp_tools": "yes", "cp_active": "yes",
            "cp_areas": ["rehab_activities"], "cp_participation": "moderately",
            "cp_outcomes": ["relationships"], "cp_barriers": ["no_guidelines"],
            "rec_strategies": "yes", "rec_actions": ["care_plans", "social_inclusion"],
            "rec_contribution": "very",
            "promising_practices": "Gruppi di auto mutuo aiuto nel CSM, con ESP retribuiti.",
        },
    }


def write(data, doc):
    (data / "responses" / f"{doc['id']}.json").write_text(json.dumps(doc, indent=2))


def run_sync(data, url, token):
    env = dict(os.environ, CAMPO_CONFIG=str(data / "none.toml"), LANG="C")
    started = time.perf_counter()
    out = subprocess.run([CAMPO, "--data-dir", data, "sync", "--server", url, "--token", token],
                         capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if out.returncode != 0:
        sys.exit(f"sync failed: {out.stdout}{out.stderr}")
    m = re.search(r"Sent: (\d+) .* ([\d.]+) KB in (\d+) request", out.stdout)
    if m is None:  # nothing was due: nothing sent
        return elapsed, 0, 0.0, 0
    return elapsed, int(m.group(1)), float(m.group(2)), int(m.group(3))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    args = parser.parse_args()
    if not CAMPO.exists():
        sys.exit("build first: cargo build --release")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data, db = tmp / "office", tmp / "server.sqlite"
        (data / "responses").mkdir(parents=True)
        for n in range(args.count):
            write(data, response(n))
        token = subprocess.run([CAMPO, "serve", "--db", db, "token", "add", "bench"],
                               capture_output=True, text=True, check=True).stdout.strip()
        log = open(tmp / "server.log", "w+")
        server = subprocess.Popen([CAMPO, "serve", "--listen", "127.0.0.1:0", "--db", db], stderr=log)
        try:
            url = None
            while not url:
                time.sleep(0.05)
                log.seek(0)
                found = re.search(r"(http://\S+)", log.read())
                url = found and found.group(1)
            rows = [("first sync", *run_sync(data, url, token)),
                    ("re-sync, nothing new", *run_sync(data, url, token))]
            for n in range(100):
                path = data / "responses" / f"{response(n)['id']}.json"
                doc = json.loads(path.read_text())
                doc["revision"] += 1
                doc["answers"]["dept_name"] = f"DSM n. {n}, corretto"
                path.write_text(json.dumps(doc))
            rows.append(("100 edited", *run_sync(data, url, token)))
        finally:
            server.terminate()
            server.wait()
    print(f"campo sync benchmark: {args.count} responses, server on loopback, 2-core machine")
    print(f"{'step':<24}{'time s':>9}{'sent':>8}{'KB sent':>10}{'requests':>10}")
    for name, elapsed, sent, kb, requests in rows:
        print(f"{name:<24}{elapsed:>9.2f}{sent:>8}{kb:>10.1f}{requests:>10}")


if __name__ == "__main__":
    main()
