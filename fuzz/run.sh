#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60). New inputs go to
# fuzz/corpus (not kept in git); fuzz/seeds holds the starting inputs and,
# under fuzz/seeds/<target>/, any crash found, kept as a regression input.
#   bash fuzz/run.sh 600
# Needs cargo-fuzz (cargo install cargo-fuzz). On a stable toolchain the
# unstable flags it uses are allowed with RUSTC_BOOTSTRAP=1, as below.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
for target in response_file form_definition server_request; do
  mkdir -p "fuzz/corpus/$target" "fuzz/seeds/$target"
  # No AddressSanitizer: campo has no unsafe code of its own to check, and
  # without it the build takes a third of the time.
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1
done
