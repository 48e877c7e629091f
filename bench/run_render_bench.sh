#!/usr/bin/env bash
# Our renderer against Mapnik on the shared benchmark inputs, in one session.
#
# usage: bench/run_render_bench.sh [BENCH_DIR]    (default: ../shared/bench beside the repo)
#
# 1. Copies the shared harness into a private directory (RENDERBENCH, default
#    /tmp/renderbench) whose data/ links to the shared inputs, so concurrent
#    runs by others do not clobber its results.
# 2. Runs Mapnik (peers/mapnik_render.py in-process per format, and the whole
#    process for PNG) through run_peers.sh with every other peer skipped, then
#    our `bordermap render` for png, svg and pdf through run_ours.sh.
# 3. Renders once more with --json for the label counts, and prints our
#    medians next to Mapnik's with the ratios.
# Environment: REPS=3 (harness runs), INTERLEAVED_REPS=5 (whole processes, both tools in
#   turn), BORDERMAP=build/release/bordermap (or build/dev/bordermap).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${1:-$(cd "$REPO/../../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)}"
RB="${RENDERBENCH:-/tmp/renderbench}"
REPS="${REPS:-3}"
BIN="${BORDERMAP:-$REPO/build/release/bordermap}"
[[ -x "$BIN" ]] || BIN="$REPO/build/dev/bordermap"
[[ -x "$BIN" ]] || { echo "build bordermap first (cmake --workflow --preset report)" >&2; exit 2; }

"$SHARED/prep.sh" 2>/dev/null
mkdir -p "$RB/data/results"
cp -r "$SHARED"/*.sh "$SHARED"/*.py "$SHARED/peers" "$RB/"
for f in countries.geojson segments.geojson incidents_10k.csv incidents_100k.csv incidents_1m.csv \
         SHA256SUMS world-atlas; do
  ln -sfn "$SHARED/data/$f" "$RB/data/$f"
done

# The map of peers/mapnik_render.py: 10k incidents, labels for the first
# 1,000 rows (id <= 1000: the file is in id order), 2000x1500 px, the view
# lon 69-74 / lat 39-41.5 in UTM 42N with a 2 % margin. Like for like
# (bench/styles/like_mapnik.toml): Mapnik's font family and sizes (DejaVu
# Sans, 10 px labels, 30 px country names) and no leader lines.
OURS_RENDER="$BIN -q render {incidents} -o {out} --countries {countries} --segments {segments} \
--label-field label --label-max 1000 --crs EPSG:32642 --bbox 69,39,74,41.5 --margin 2 \
--size 2000x1500 --dpi 72 --style $REPO/bench/styles/like_mapnik.toml"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$RB/data/results/load.txt"
SKIP="postgis geopandas qgis export" REPS="$REPS" "$RB/run_peers.sh"
OURS_RENDER="$OURS_RENDER" RENDER_FORMATS="png svg pdf" SIZES="10k" REPS="$REPS" "$RB/run_ours.sh"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RB/data/results/load.txt"

# Whole processes of both tools, per format, interleaved (Mapnik, ours,
# Mapnik, ...): wall and CPU seconds (user + sys) under the same load; CPU
# is far less sensitive than wall time to other jobs on a shared machine.
cpu="$RB/data/results/cpu.txt"; : > "$cpu"
fill_ours() {  # fill_ours FORMAT
  local c="${OURS_RENDER//\{incidents\}/$RB/data/incidents_10k.csv}"
  c="${c//\{countries\}/$RB/data/countries.geojson}"
  c="${c//\{segments\}/$RB/data/segments.geojson}"
  printf '%s' "${c//\{out\}/$RB/data/render/cpu.$1}"
}
for r in $(seq "${INTERLEAVED_REPS:-5}"); do
  for f in png:png_agg svg:svg_cairo pdf:pdf_cairo; do
    /usr/bin/time -f "cpu_mapnik_${f%%:*} %U %S %e" /usr/bin/python3 "$RB/peers/mapnik_render.py" \
      "$RB/data" "$RB/data/render/cpu" 1 "${f#*:}" 2>>"$cpu" >/dev/null
    /usr/bin/time -f "cpu_ours_${f%%:*} %U %S %e" bash -c "exec $(fill_ours "${f%%:*}")" 2>>"$cpu" >/dev/null
  done
done

json="$RB/data/results/ours_render_labels.json"
cmd="${OURS_RENDER//\{incidents\}/$RB/data/incidents_10k.csv}"
cmd="${cmd//\{countries\}/$RB/data/countries.geojson}"
cmd="${cmd//\{segments\}/$RB/data/segments.geojson}"
cmd="${cmd//\{out\}/$RB/data/render/ours_labels.png}"
cmd="${cmd/ -q render/ --json render}"
bash -c "$cmd" > "$json"
/usr/bin/python3 "$HERE/mapnik_labels.py" "$RB" "$RB/data" > "$RB/data/results/mapnik_render_labels.json"
/usr/bin/python3 - "$RB/data/results" "$json" <<'PY'
import json, re, statistics, sys
res, labels = sys.argv[1], json.load(open(sys.argv[2]))["labels"]
times = {}
for name in ("raw.txt", "raw_ours.txt"):
    for line in open(f"{res}/{name}"):
        m = re.match(r"^(\w+) (\d+) ([0-9.]+)$", line.strip())
        if m:
            times.setdefault(m.group(1), []).append(float(m.group(3)))
med = {k: statistics.median(v) for k, v in times.items()}
rows = [("png", "mapnik_process_png_agg", "whole process"), ("png", "mapnik_png_agg", "in-process"),
        ("svg", "mapnik_svg_cairo", "in-process"), ("pdf", "mapnik_pdf_cairo", "in-process")]
print("| format | ours (whole process) s | Mapnik s | Mapnik timed | Mapnik / ours |")
print("|---|---:|---:|---|---:|")
for fmt, peer, how in rows:
    o, p = med.get(f"ours_render_{fmt}"), med.get(peer)
    if o and p:
        print(f"| {fmt.upper()} | {o:.3f} | {p:.3f} | {how} (`{peer}`) | {p / o:.2f}x |")
cpu, wall = {}, {}
for line in open(f"{res}/cpu.txt"):
    m = re.match(r"^(cpu_\w+) ([0-9.]+) ([0-9.]+) ([0-9.]+)$", line.strip())
    if m:
        cpu.setdefault(m.group(1), []).append(float(m.group(2)) + float(m.group(3)))
        wall.setdefault(m.group(1), []).append(float(m.group(4)))
print("\nWhole processes, interleaved, median of the runs:")
print("\n| format | ours wall s | Mapnik wall s | Mapnik / ours | ours CPU s | Mapnik CPU s | Mapnik / ours |")
print("|---|---:|---:|---:|---:|---:|---:|")
for fmt in ("png", "svg", "pdf"):
    k_o, k_p = f"cpu_ours_{fmt}", f"cpu_mapnik_{fmt}"
    if k_o in cpu and k_p in cpu:
        wo, wp = statistics.median(wall[k_o]), statistics.median(wall[k_p])
        co, cp = statistics.median(cpu[k_o]), statistics.median(cpu[k_p])
        print(f"| {fmt.upper()} | {wo:.2f} | {wp:.2f} | {wp / wo:.2f}x | {co:.2f} | {cp:.2f} | {cp / co:.2f}x |")
print(f"\nlabels: {labels['placed']} of {labels['requested']} placed, {labels['overlapping']} overlapping")
theirs = json.load(open(f"{res}/mapnik_render_labels.json"))
print(f"Mapnik: {theirs['placed']} of {theirs['requested']} placed (its labels may cover markers)")
PY
cat "$RB/data/results/load.txt"
