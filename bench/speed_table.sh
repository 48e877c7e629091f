#!/usr/bin/env bash
# Issue 21's speed table in one command: every stage against its peer (or its
# goal when it has none), whole processes, printed as one Markdown table on
# stdout and written to $TABLE.
#
# usage: bench/speed_table.sh                                   (full: ~10-15 min on a quiet machine)
#        SIZE=10k ROWS=10000 REPS=1 bench/speed_table.sh        (smoke run: < 2 min)
#
# Environment (defaults in brackets):
#   SIZE [1m]      shared-harness input for export and the KG-TJ link (10k, 100k, 1m);
#                  below 1m the text and report inputs shrink too (TEXT_MB, ARTICLES, HTML_N, DAYS)
#   ROWS ["1000000 10000000"]  world-link input sizes (bench/gen_world_incidents.py)
#   REPS [3]       runs of each command (pairs: ours, peer, ours, ...); inputs of 5M rows or more run once
#   PG [0]         1: time a fresh PostGIS run for the link row instead of peers.md's reference
#   SECTIONS ["export render text link world html"]  the rows to measure
#   TEXT_MB [50], ARTICLES [200] (text_speed.sh's long text and article repeats), TEXT_TIMEOUT [120 s]
#   HTML_N [10000], DAYS [30] (run_html_bench.sh's dated incidents)
#   BUILD_BENCH [1]  0: do not (re)build gazetteer_bench in BENCH_BUILD [build/bench]
#   BORDERMAP [build/release/bordermap], CACHE [/tmp/bordermap-speedtable] (harness copy and
#   generated inputs, kept between runs), WORK [a new /tmp/speedtable.*], TABLE [$WORK/speed_table.md],
#   RESULTS [0]: 1 appends the table to bench/RESULTS.md as a dated section
#   KEEP [0]: 1 keeps the exports, link tables and report bundles in WORK (the maps are always kept)
# Timing: the shared harness's pair timer (side_by_side.sh's pairtime.py: wall,
# user+sys CPU, peak RSS by wait4) and the existing scripts export_pairs.sh,
# text_speed.sh, run_html_bench.sh; the table is assembled by speed_table.py.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${SHARED:-/work/shared/bench}"
BIN="$(realpath "${BORDERMAP:-$REPO/build/release/bordermap}")"
SIZE="${SIZE:-1m}" ROWS="${ROWS:-1000000 10000000}" REPS="${REPS:-3}" PG="${PG:-0}"
SECTIONS="${SECTIONS:-export render text link world html}"
BENCH_BUILD="${BENCH_BUILD:-$REPO/build/bench}"
CACHE="${CACHE:-/tmp/bordermap-speedtable}"
WORK="${WORK:-$(mktemp -d /tmp/speedtable.XXXXXX)}"
TABLE="${TABLE:-$WORK/speed_table.md}"
if [[ "$SIZE" == 1m ]]; then small=0; else small=1; fi
TEXT_MB="${TEXT_MB:-$((small ? 1 : 50))}" ARTICLES="${ARTICLES:-$((small ? 5 : 200))}"
HTML_N="${HTML_N:-$((small ? 1000 : 10000))}" DAYS="${DAYS:-$((small ? 5 : 30))}"
TEXT_TIMEOUT="${TEXT_TIMEOUT:-120}"
PY=/usr/bin/python3
H="$CACHE/harness" D="$CACHE/harness/data" RAW="$WORK/raw"
if [[ ! -x "$BIN" ]]; then
  echo "speed_table: no bordermap at $BIN (cmake --preset release && cmake --build build/release)" >&2
  exit 2
fi
mkdir -p "$RAW" "$CACHE/inputs"
say() { echo "== $* ($(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg))" >&2; }
missing() { echo "PEER_MISSING $1" >> "$RAW/$2"; }

prepare_harness() {  # a private copy of the shared harness with prep.sh's inputs (checksums: peers.md)
  if [[ ! -s "$D/SHA256SUMS" ]]; then
    rm -rf "$H" && mkdir -p "$H" && cp -r "$SHARED/." "$H/" && chmod -R u+w "$H"
    "$H/prep.sh" >&2
  fi
  (cd "$D" && sha256sum --quiet -c SHA256SUMS) >&2
  # the pair timer, cut from side_by_side.sh as export_pairs.sh does
  sed -n "/^cat > \"\$PAIR\" <<'PYEOF'\$/,/^PYEOF\$/p" "$H/side_by_side.sh" | sed '1d;$d' > "$WORK/pairtime.py"
}
pair() { "$PY" "$WORK/pairtime.py" "$@"; }

header() {  # commit, date, machine and knobs (load_at adds the load average before and after)
  {
    echo "commit $(git -C "$REPO" rev-parse --short HEAD)"
    echo "date $(date -u +'%F %T UTC')"
    echo "machine $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
      "$(free -g | awk '/^Mem:/ {print $2}') GiB"
    echo "knobs SIZE=$SIZE ROWS=\"$ROWS\" REPS=$REPS PG=$PG TEXT_MB=$TEXT_MB ARTICLES=$ARTICLES" \
      "TEXT_TIMEOUT=$TEXT_TIMEOUT HTML_N=$HTML_N DAYS=$DAYS"
  } > "$RAW/header.txt"
}
load_at() { echo "load_$1 $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/header.txt"; }

sec_export() {  # export SIZE -> GeoJSON, GPKG: ours and ogr2ogr in turn (export_pairs.sh)
  if command -v ogr2ogr > /dev/null; then
    "$HERE/export_pairs.sh" "$BIN" "$D/incidents_$SIZE.csv" "$WORK/export" "$REPS" > "$RAW/export.txt"
  else
    missing ogr2ogr export.txt
    for fmt in geojson gpkg; do
      pair -n "$REPS" --warmup 0 --tag "export_${fmt}_incidents" --prep "rm -rf $WORK/export" \
        "$BIN -q export $D/incidents_$SIZE.csv -o $WORK/export/ours.$fmt --border KG-TJ --layers incidents" \
        >> "$RAW/export.txt"
    done
  fi
}

RENDER_ARGS="--countries $D/countries.geojson --segments $D/segments.geojson --label-field label --label-max 1000 \
--crs EPSG:32642 --bbox 69,39,74,41.5 --margin 2 --size 2000x1500 --dpi 72 --style $HERE/styles/like_mapnik.toml"
sec_render() {  # the Mapnik map (peers/mapnik_render.py), like for like, whole processes in turn
  local mapnik=""
  if "$PY" -c 'import mapnik' 2> /dev/null; then mapnik=1; else missing mapnik render.txt; fi
  mkdir -p "$WORK/render"
  for f in png:png_agg svg:svg_cairo pdf:pdf_cairo; do
    local ours="$BIN -q render $D/incidents_10k.csv -o $WORK/render/ours.${f%%:*} $RENDER_ARGS"
    local peer="$PY $H/peers/mapnik_render.py $D $WORK/render/mapnik 1 ${f#*:} > /dev/null"
    pair -n "$REPS" --tag "render_${f%%:*}" "$ours" ${mapnik:+"$peer"} >> "$RAW/render.txt"
  done
  # shellcheck disable=SC2086 # RENDER_ARGS is a list of words
  "$BIN" --json render "$D/incidents_10k.csv" -o "$WORK/render/labels.png" $RENDER_ARGS > "$RAW/render_labels.json"
  # Mapnik's own count on the same map, for the labels row (its rules: labels may cover markers)
  if [[ -n "$mapnik" ]]; then "$PY" "$HERE/mapnik_labels.py" "$H" "$D" > "$RAW/render_labels_mapnik.json"; fi
}

sec_text() {  # gazetteer lookups (gazetteer_bench) and extract MB/s + RSS (text_speed.sh)
  if [[ "${BUILD_BENCH:-1}" == 1 ]]; then
    say "building gazetteer_bench in $BENCH_BUILD"
    { cmake -S "$REPO" -B "$BENCH_BUILD" -DCMAKE_BUILD_TYPE=Release -DBORDERMAP_BENCH=ON &&
      nice cmake --build "$BENCH_BUILD" -j2 --target gazetteer_bench; } > "$WORK/bench_build.log" 2>&1 ||
      say "gazetteer_bench did not build ($WORK/bench_build.log): the lookup rows say so, extract still runs"
  fi
  # text_speed.sh takes one build folder: ours is the binary under test, the lookups the bench build's
  mkdir -p "$WORK/textbuild/bench"
  ln -sfn "$BIN" "$WORK/textbuild/bordermap"
  [[ -x "$BENCH_BUILD/bench/gazetteer_bench" ]] && ln -sfn "$BENCH_BUILD/bench/gazetteer_bench" "$WORK/textbuild/bench/"
  # bounded: a long text once took hours (a quadratic step); the rows printed before the limit are kept
  mkdir -p "$WORK/tmp"
  local rc=0
  TMPDIR="$WORK/tmp" timeout "$TEXT_TIMEOUT" "$HERE/text_speed.sh" "$WORK/textbuild" "$ARTICLES" "$TEXT_MB" \
    > "$RAW/text.txt" || rc=$?
  rm -rf "$WORK/tmp"
  if ((rc == 124)); then echo "TIMEOUT text_speed.sh stopped after $TEXT_TIMEOUT s" >> "$RAW/text.txt"; fi
  return $((rc == 124 ? 0 : rc))
}

postgis_fresh() {  # load + exact geodesic query at SIZE on a private cluster (peers/postgis.sh)
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    PGPORT="${PGPORT:-55447}" "$H/peers/postgis.sh" "$REPS" "$SIZE" > "$RAW/postgis.txt" 2> "$WORK/postgis.log"
  else
    missing postgis postgis.txt
  fi
}
sec_link() {  # KG-TJ link at SIZE, whole process; PostGIS from peers.md or fresh (PG=1)
  pair -n "$REPS" --tag "link_$SIZE" \
    "$BIN -q link $D/incidents_$SIZE.csv -o $WORK/link_$SIZE.csv --segments $D/segments.geojson" > "$RAW/link.txt"
  if [[ "$PG" == 1 ]]; then postgis_fresh; fi
}

world_input() {  # world_input N: bench/gen_world_incidents.py's points, generated once per borders.gpkg
  local f
  f="$CACHE/inputs/world_$1_$(sha256sum "$REPO/geodata/borders.gpkg" | cut -c1-12).csv"
  if [[ ! -s "$f" ]]; then
    say "generating $f"
    (cd "$REPO" && nice "$PY" bench/gen_world_incidents.py "$1" "$f.part") && mv "$f.part" "$f"
  fi
  echo "$f"
}
sec_world() {  # issue 15: every land border of the world, no --border
  for n in $ROWS; do
    local f runs="$REPS" warm=1
    f="$(world_input "$n")"
    if ((n >= 5000000)); then runs=1 warm=0; fi
    pair -n "$runs" --warmup "$warm" --tag "world_$n" \
      "$BIN -q link $f -o $WORK/world_links.csv --format links" >> "$RAW/world.txt"
    rm -f "$WORK/world_links.csv"
  done
}

sec_html() {  # issue 20: report --by day added time, report.html size and first paint (run_html_bench.sh)
  BORDERMAP="$BIN" N="$HTML_N" DAYS="$DAYS" REPS="$REPS" HTMLBENCH="$WORK/html" \
    "$HERE/run_html_bench.sh" > "$RAW/html.txt" 2>&1 || echo "HTML_BENCH_FAILED $?" >> "$RAW/html.txt"
  command -v chromium > /dev/null || missing chromium html.txt
}

header
say "harness in $H"
prepare_harness
load_at before
for s in $SECTIONS; do
  say "$s"
  set +e
  (set -e; "sec_$s") # a subshell out of any || list, so that errexit holds inside the section
  rc=$?
  set -e
  ((rc == 0)) || echo "SECTION_FAILED $s $rc" >> "$RAW/failed.txt"
done
load_at after
# the big outputs (1M exports ~600 MB, link tables, report bundles) unless KEEP=1; the maps stay to be looked at
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK/export" "$WORK/html" "$WORK"/link_*.csv
"$PY" "$HERE/speed_table.py" "$RAW" "$H/peers.md" > "$TABLE"
cat "$TABLE"
if [[ "${RESULTS:-0}" == 1 ]]; then  # the latest table as a dated section of RESULTS.md
  printf '\n## Speed table, %s (bench/speed_table.sh)\n\n' "$(date -u +'%F %H:%M UTC')" >> "$HERE/RESULTS.md"
  cat "$TABLE" >> "$HERE/RESULTS.md"
fi
say "table written to $TABLE (raw logs: $RAW)"
