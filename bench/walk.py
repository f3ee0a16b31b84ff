#!/usr/bin/env python3
"""The key scripts of the whole bundled questionnaire, "yes" branches, for
ttybytes.py (`../shared/tools/ttybytes.py`) and bench/compare.py: the same
answers chosen by digits or by arrows and space. tests/bytes.rs walks the
same answers and holds them to the budgets in bench/budgets.toml.

    python3 bench/walk.py digits|arrows [N]   # N: only the first N items

Standard library only."""
import sys

# (item, options chosen (1-based), text typed) in the questionnaire's order.
ITEMS = [
    ("dept_region", [21], None),        # Veneto, the last of 21
    ("dept_name", [], "DSM-DP ULSS 9 Scaligera"),
    ("ps_active", [1], None), ("ps_years", [3], None), ("ps_count", [2], None),
    ("ps_services", [1, 5], "Ambulatorio"),
    ("ps_activities", [1, 2], None),
    ("ps_trained", [1], None), ("ps_training_by", [1], None), ("ps_paid", [1], None),
    ("ps_funding", [2], None), ("ps_protocols", [1], None), ("ps_effective", [4], None),
    ("ps_stigma", [1], None), ("ps_stigma_how", [1, 2], None), ("ps_satisfaction", [1], None),
    ("ps_difficulties", [2, 3], None),
    ("cp_planning_role", [2], None), ("cp_tools", [1], None), ("cp_active", [1], None),
    ("cp_areas", [1], None), ("cp_participation", [3], None), ("cp_outcomes", [1], None),
    ("cp_barriers", [2], None),
    ("rec_strategies", [1], None), ("rec_actions", [2, 4], None), ("rec_contribution", [4], None),
    ("promising_practices", [], "Gruppi AMA"),
]


def item_keys(mode, chosen, text):
    keys, at = [], 1
    for option in chosen:
        if mode == "digits":
            # Two digits for an option past 9 ("2", "1" is 21).
            keys += list(str(option))
        else:
            keys += ["down"] * (option - at) + ["space"]
            at = option
    if text:
        keys.append("text:" + text)
    return keys + ["enter"]


def prefix(mode, count):
    """The keys that answer the first `count` items."""
    return [k for _, chosen, text in ITEMS[:count] for k in item_keys(mode, chosen, text)]


def walk(mode):
    # The last item is free text: Tab opens the review, c completes.
    keys = prefix(mode, len(ITEMS))
    return keys[:-1] + ["tab", "c", "ctrl-c"]


if __name__ == "__main__":
    mode = sys.argv[1]
    print(",".join(prefix(mode, int(sys.argv[2])) if len(sys.argv) > 2 else walk(mode)))
