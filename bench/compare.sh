#!/usr/bin/env bash
# livret against Hugo and mdBook on the same generated corpus (see BENCHMARKS.md).
#
#   bench/compare.sh                 # N = 1,000 and 10,000, output on /dev/shm and on disk
#   SIZES=1000 MEDIA=shm bench/compare.sh
#
# Installs what is missing (hugo, hyperfine and time from Debian; mdbook with `cargo install
# --locked` into target/bench-tools, only when a size runs it), generates the corpora with `cargo
# run --release --example corpus`, times each build with hyperfine (output folder emptied before
# each run; wall time and user+sys CPU time), measures peak memory with /usr/bin/time -v and the
# output's bytes and files, and the floor: `cp -r` of livret's finished output to the same medium.
# Prints one table; raw hyperfine JSON stays in target/compare/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
MEDIA=${MEDIA:-"shm disk"}
WARMUP=${WARMUP:-1}
RUNS=${RUNS:-5}
MDBOOK_MAX=${MDBOOK_MAX:-1000} # mdBook grows with N²: not run above this size
SHM=${SHM:-/dev/shm/livret-compare}
DISK=${DISK:-$PWD/target/compare}
TOOLS=$PWD/target/bench-tools
RESULTS=$DISK/results

# --- tools -------------------------------------------------------------------------------------
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
# mdBook only when some size runs it.
wants_mdbook=no
for n in $SIZES; do [ "$n" -le "$MDBOOK_MAX" ] && wants_mdbook=yes; done
if [ "$wants_mdbook" = yes ] && [ ! -x "$TOOLS/bin/mdbook" ]; then
    cargo install mdbook --locked --root "$TOOLS"
fi
cargo build --release --quiet --bin livret --example corpus
LIVRET=$PWD/target/release/livret
CORPUS=$PWD/target/release/examples/corpus
MDBOOK=$TOOLS/bin/mdbook

mdbook_version=$([ -x "$MDBOOK" ] && "$MDBOOK" --version || echo "mdBook not run")
echo "livret $(git rev-parse --short HEAD), $(hugo version | cut -d' ' -f1-2), $mdbook_version," \
    "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

rm -rf "$RESULTS"
mkdir -p "$RESULTS" "$SHM"

# time_build NAME N MEDIUM OUT COMMAND...: hyperfine (OUT emptied before each run), then one run
# for the peak RSS and the output's bytes and files.
time_build() {
    local name=$1 n=$2 medium=$3 out=$4
    shift 4
    local key="$name-$n-$medium"
    hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" -N \
        --prepare "rm -rf $out" --export-json "$RESULTS/$key.json" \
        --command-name "$key" -- "$*" >"$RESULTS/$key.log"
    rm -rf "$out"
    /usr/bin/time -v "$@" >/dev/null 2>"$RESULTS/$key.time"
    echo "$(du -sb "$out" | cut -f1) $(find "$out" -type f | wc -l)" >"$RESULTS/$key.output"
    grep -h 'Mean\|Time (' "$RESULTS/$key.log" | head -1 | sed "s/^/  $key: /"
}

for n in $SIZES; do
    corpus=$SHM/corpus-$n
    "$CORPUS" --pages "$n" --out "$corpus"
    # The copy floor copies livret's finished output, kept on /dev/shm.
    reference=$SHM/reference-$n
    rm -rf "$reference"
    "$LIVRET" --root "$corpus/livret" build --output "$reference" >/dev/null
    for medium in $MEDIA; do
        case $medium in
            shm) base=$SHM/out-$n ;;
            disk) base=$DISK/out-$n ;;
            *) echo "unknown medium $medium (shm or disk)" >&2; exit 2 ;;
        esac
        mkdir -p "$base"
        time_build livret "$n" "$medium" "$base/livret" \
            "$LIVRET" --root "$corpus/livret" build --output "$base/livret"
        time_build hugo "$n" "$medium" "$base/hugo" \
            hugo --quiet --source "$corpus/hugo" --destination "$base/hugo"
        if [ "$n" -le "$MDBOOK_MAX" ]; then
            time_build mdbook "$n" "$medium" "$base/mdbook" \
                "$MDBOOK" build "$corpus/mdbook" --dest-dir "$base/mdbook"
        fi
        time_build copy "$n" "$medium" "$base/copy" cp -r "$reference" "$base/copy"
        rm -rf "$base"
    done
done

python3 bench/table.py "$RESULTS"
