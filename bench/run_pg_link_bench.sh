#!/usr/bin/env bash
# The pushed-down link (`link --engine postgis`) against pulling the rows and
# linking in memory (`--engine memory`) and against the plain PostGIS query
# (ST_Distance(geography, true) over KNN candidates), on N synthetic
# incidents over the Kyrgyz-Tajik border and its bundled segments.
#
# usage: bench/run_pg_link_bench.sh [N...]     (default: 100000)
# Environment: PGPORT=55481, BORDERMAP=build/release/bordermap,
# PEERS=0 to time only the pushed-down link (the memory check at large N).
# Starts a throwaway PostgreSQL 15 + PostGIS on loopback in a temporary
# directory (removed at the end); prints wall time, CPU and our peak RSS.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="${BORDERMAP:-$HERE/../build/release/bordermap}"
PORT="${PGPORT:-55481}"
PGBIN=/usr/lib/postgresql/15/bin
SIZES=("${@:-100000}")
PEERS="${PEERS:-1}"
DIR="$(mktemp -d /tmp/pg-link-bench-XXXXXX)"
AS=()
if [[ $(id -u) == 0 ]]; then chown postgres "$DIR"; AS=(runuser -u postgres --); fi
stop() { "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap stop EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust --no-locale -E UTF8 >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null
CONN="PG:host=127.0.0.1 port=$PORT user=postgres dbname=postgres"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres)
"${PSQL[@]}" -c "CREATE EXTENSION postgis"
"$BIN" data --to "$CONN" >/dev/null
"${PSQL[@]}" -c "CREATE TABLE kgtj AS SELECT * FROM border_segments
                 WHERE (country_a, country_b) IN (('KG','TJ'), ('TJ','KG'))"
ogr2ogr -f GeoJSON "$DIR/kgtj.geojson" "$CONN" kgtj
echo "segments: $("${PSQL[@]}" -Atc 'SELECT count(*) FROM kgtj') (KG-TJ, bundled)"
# The server's CPU: backends are the postmaster's children, so their time
# adds to its cutime + cstime (/proc/PID/stat fields 16, 17) when they exit.
server_cpu() {
  local pid; pid=$(head -1 "$DIR/data/postmaster.pid")
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($16 + $17) / hz }' "/proc/$pid/stat"
}
measure() {  # label, command...
  local label=$1; shift
  local before; before=$(server_cpu)
  /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB peak RSS" -o "$DIR/time" "$@" >/dev/null \
    2>"$DIR/stderr"
  echo "$label: $(cat "$DIR/time"), server $(echo "$(server_cpu) - $before" | bc) s CPU"
  grep -h "searches went past" "$DIR/stderr" || true
}
for N in "${SIZES[@]}"; do
  "${PSQL[@]}" -c "DROP TABLE IF EXISTS inc; SELECT setseed(0.17);
    CREATE TABLE inc AS SELECT g::text AS id,
      ST_SetSRID(ST_MakePoint(69 + 5 * random(), 39 + 2.5 * random()), 4326)::geometry(Point, 4326) AS geom
      FROM generate_series(1, $N) g;
    ALTER TABLE inc ADD PRIMARY KEY (id); ANALYZE inc;"
  echo "== $N incidents ($(date -u +%FT%TZ), $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), load $(cut -d' ' -f1-3 /proc/loadavg))"
  measure "pushed down (ours)" nice "$BIN" link "$CONN" --engine postgis --table inc \
    --segments-table kgtj --countries-table countries -o "$DIR/pushed.csv" --verbose
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  [[ $PEERS == 1 ]] || continue
  # `link --engine memory` reads plain point tables from files only (its
  # fast reader): pull the rows first (psql's COPY, the fastest way out).
  measure "pull (psql \\copy to CSV)" nice "${PSQL[@]}" -c "\\copy (SELECT id, ST_X(geom) AS lon,
    ST_Y(geom) AS lat FROM inc) TO '$DIR/pulled.csv' CSV HEADER"
  measure "link in memory (ours)" nice "$BIN" link "$DIR/pulled.csv" \
    --segments "$DIR/kgtj.geojson" -o "$DIR/memory.csv"
  cat >"$DIR/plain.sql" <<SQL
CREATE TEMP TABLE s AS SELECT id::text AS id, geom::geography AS g FROM kgtj;
CREATE INDEX ON s USING gist (g);
ANALYZE s;
COPY (SELECT i.id, n.id, n.dist_m FROM inc i CROSS JOIN LATERAL (
  SELECT c.id, ST_Distance(c.g, i.geom::geography, true) AS dist_m
  FROM (SELECT s.id, s.g FROM s ORDER BY s.g <-> i.geom::geography LIMIT 8) c
  ORDER BY dist_m, c.id LIMIT 1) n) TO STDOUT WITH CSV;
SQL
  measure "plain PostGIS query (server + psql)" nice "${PSQL[@]}" -f "$DIR/plain.sql" -o "$DIR/plain.csv"
  echo "rows: pushed $(($(wc -l <"$DIR/pushed.csv") - 1)), memory $(($(wc -l <"$DIR/memory.csv") - 1)), plain $(wc -l <"$DIR/plain.csv")"
  python3 - "$DIR/pushed.csv" "$DIR/memory.csv" <<'PY'
import csv, sys
a = {r["incident_id"]: r for r in csv.DictReader(open(sys.argv[1]))}
b = {r["incident_id"]: r for r in csv.DictReader(open(sys.argv[2]))}
same = sum(a[k]["segment_id"] == b[k]["segment_id"] for k in b)
worst = max(abs(float(a[k]["dist_m"]) - float(b[k]["dist_m"])) / max(float(b[k]["dist_m"]), 1) for k in b)
print(f"pushed vs memory: same segment {same}/{len(b)}, worst relative distance difference {worst:.2e}")
PY
done
