#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/standalone, clang) and runs one for a bounded time.
#   run-fuzz.sh --build-only BUILD_DIR CLANGXX
#   run-fuzz.sh --run BUILD_DIR CLANGXX HARNESS SECONDS      (HARNESS: labelcsv | imagedecode)
# Crashes are written to BUILD_DIR/artifacts/ and make the run fail; the corpus grows in BUILD_DIR/corpus/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode="$1"; build="$2"; cxx="$3"

configure_and_build() {
  if [[ ! -f "$build/build.ninja" ]]; then
    cmake -S "$here/standalone" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  cmake --build "$build" -j 2 --target fuzz_labelcsv fuzz_imagedecode make_seeds
}

if [[ "$mode" == "--build-only" ]]; then
  configure_and_build
  exit 0
fi

harness="$4"; seconds="$5"
[[ -x "$build/fuzz_$harness" ]] || configure_and_build
corpus="$build/corpus/$harness"; seeds="$build/seeds/$harness"; artifacts="$build/artifacts/$harness"
mkdir -p "$corpus" "$seeds" "$artifacts"
if [[ "$harness" == "labelcsv" ]]; then
  cp "$here"/seeds/labelcsv/* "$seeds"/
else
  "$build/make_seeds" "$seeds"
fi
# detect_leaks=0: Qt keeps process-wide caches that LeakSanitizer would report at exit.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:${ASAN_OPTIONS:-}"
exec "$build/fuzz_$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=262144 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$seeds"
