#!/usr/bin/env bash
# Search benchmark: bash bench/search/run.sh [SIZE ...]      (default: 35000 350000)
# For each size: generates a synthetic corpus (bench/import's generator), indexes it with SearchIndex and
# runs a fixed mix of 200 queries; then loads the same documents into PostgreSQL 15 (full-text search,
# `turkish` configuration, GIN index) in a temporary cluster on 127.0.0.1 and runs the same queries.
# BENCH_DIR chooses the working directory; ROUNDS (default 3, the first one warms up); KEEP=1 keeps it.
set -euo pipefail

SIZES=("${@:-35000 350000}")
read -r -a SIZES <<< "${SIZES[*]}"
ROUNDS="${ROUNDS:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
for n in "${SIZES[@]}"; do [[ "$n" =~ ^[0-9]+$ && "$n" -ge 100 ]] || { echo "SIZE must be a whole number of at least 100, not '$n'" >&2; exit 2; }; done

as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }
PGBIN="/usr/lib/postgresql/15/bin"
if [[ ! -x "$PGBIN/initdb" ]]; then
  echo "installing PostgreSQL 15 (Debian package 'postgresql')" >&2
  as_root apt-get install -y -q postgresql >/dev/null
fi
# initdb refuses to run as root: the cluster then belongs to the postgres user.
if [[ "$(id -u)" == 0 ]]; then PGUSER_RUN=(runuser -u postgres --); else PGUSER_RUN=(); fi

WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hafiza-search-bench.XXXXXX")"
chmod 755 "$WORK"
PGDATA="$WORK/pgdata"
PGPID=""
cleanup() {
  if [[ -f "$PGDATA/postmaster.pid" ]]; then "${PGUSER_RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null || true; fi
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "== building (Release)"
dotnet build "$ROOT/bench/import/ImportBench.csproj" -c Release -nologo -v q
dotnet build "$ROOT/bench/search/SearchBench.csproj" -c Release -nologo -v q
GEN="$(dotnet msbuild "$ROOT/bench/import/ImportBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"
BENCH="$(dotnet msbuild "$ROOT/bench/search/SearchBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"

echo "== starting a temporary PostgreSQL 15 cluster"
mkdir -p "$PGDATA" "$WORK/socket"
if [[ "$(id -u)" == 0 ]]; then chown postgres "$PGDATA" "$WORK/socket"; fi
"${PGUSER_RUN[@]}" "$PGBIN/initdb" -D "$PGDATA" -U bench -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
PORT=""
for _ in $(seq 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT="$candidate"; break; fi
done
[[ -n "$PORT" ]] || { echo "no free port found" >&2; exit 1; }
"${PGUSER_RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/postgres.log" \
  -o "-p $PORT -k $WORK/socket -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=1GB" start >/dev/null
psql_run() { "${PGUSER_RUN[@]}" psql -X -q -h 127.0.0.1 -p "$PORT" -U bench "$@"; }

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
kv() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<< "$2"; }
declare -A RESULT BREAKDOWN AUTOCOMPLETE
AUTHORITY_SIZES=(${AUTHORITY_SIZES:-2000 20000})

for n in "${SIZES[@]}"; do
  dir="$WORK/$n"
  mkdir -p "$dir"
  echo "== $n items: generating and preparing documents"
  dotnet "$GEN" generate --rows "$n" --out "$dir/csv" >/dev/null
  dotnet "$BENCH" prepare --csv "$dir/csv" --out "$dir"
  chmod -R a+rX "$dir"

  echo "== $n items: Lucene (SearchIndex)"
  lucene_index="$(dotnet "$BENCH" index --work "$dir")"
  lucene_search="$(dotnet "$BENCH" search --work "$dir" --rounds "$ROUNDS")"
  echo "   index:  $lucene_index"
  echo "   search: $lucene_search"

  echo "== $n items: PostgreSQL 15 (turkish, GIN)"
  dotnet "$BENCH" pg-scripts --work "$dir" --rounds "$ROUNDS"
  chmod a+r "$dir"/*.sql
  psql_run -d postgres -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
  start="$(now)"
  pg_load="$(psql_run -d bench -f "$dir/load.sql")"
  pg_seconds="$(calc "$(now) - $start")"
  pg_bytes="$(psql_run -d bench -At -c "SELECT pg_total_relation_size('docs')")"
  psql_run -d bench -f "$dir/queries.sql" > "$dir/pg-queries.log"
  pg_search="$(dotnet "$BENCH" pg-report --log "$dir/pg-queries.log")"
  pg_load_peak="$(sed -n 's/VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' <<< "$pg_load")"
  echo "   load:   seconds=$pg_seconds size_mib=$(calc "$pg_bytes / 1048576") backend_peak_mib=$((pg_load_peak / 1024))"
  echo "   search: $pg_search"

  BREAKDOWN["$n"]="$(for part in query facets sort snippets; do printf '%s %s %s ' "$part" "$(kv "${part}_mean_ms" "$lucene_search")" "$(kv "${part}_p95_ms" "$lucene_search")"; done)"
  RESULT["$n"]="$(kv docs_per_s "$lucene_index") $(calc "$n / $pg_seconds") $(kv index_mib "$lucene_index") $(calc "$pg_bytes / 1048576") $(kv peak_mib "$lucene_index") $((pg_load_peak / 1024)) $(kv p50_ms "$lucene_search") $(kv p50_ms "$pg_search") $(kv p95_ms "$lucene_search") $(kv p95_ms "$pg_search") $(kv peak_mib "$lucene_search") $(kv backend_peak_mib "$pg_search")"
done

for a in "${AUTHORITY_SIZES[@]}"; do
  echo "== autocomplete over $a authorities"
  dotnet "$GEN" generate --rows 100 --authorities "$a" --out "$WORK/authorities-$a" >/dev/null
  AUTOCOMPLETE["$a"]="$(dotnet "$BENCH" autocomplete --csv "$WORK/authorities-$a" --rounds "$ROUNDS")"
  echo "   ${AUTOCOMPLETE[$a]}"
done

echo
echo "200 queries x $((ROUNDS - 1)) timed rounds; Lucene = SearchIndex in process (top 20 + total + 8 facets + snippets),"
echo "PostgreSQL = psql over TCP 127.0.0.1 (websearch_to_tsquery('turkish'), ts_rank, LIMIT 20). Ratio = Lucene / PostgreSQL."
printf '%-9s %-22s %12s %12s %8s\n' items measure Lucene PostgreSQL ratio
for n in "${SIZES[@]}"; do
  read -r l_rate p_rate l_size p_size l_ipeak p_ipeak l_p50 p_p50 l_p95 p_p95 l_qpeak p_qpeak <<< "${RESULT[$n]}"
  row() { awk -v n="$n" -v m="$1" -v l="$2" -v p="$3" 'BEGIN { printf "%-9s %-22s %12.2f %12.2f %8.2f\n", n, m, l, p, (p > 0 ? l / p : 0) }'; }
  row "index docs/s" "$l_rate" "$p_rate"
  row "index size MiB" "$l_size" "$p_size"
  row "index peak MiB" "$l_ipeak" "$p_ipeak"
  row "query p50 ms" "$l_p50" "$p_p50"
  row "query p95 ms" "$l_p95" "$p_p95"
  row "query peak MiB" "$l_qpeak" "$p_qpeak"
done
echo "peak MiB: Lucene = whole bench process (working set); PostgreSQL = the one backend (VmHWM, includes touched shared_buffers of 1 GB)."
echo
echo "Lucene time by part of a search (ms; mean and p95 over the timed queries): query = matching and ranking,"
echo "facets = counting 8 dimensions over every hit, sort = taking the page in order, snippets = reading and highlighting the page."
printf '%-9s %-10s %10s %10s\n' items part mean p95
for n in "${SIZES[@]}"; do
  read -r -a parts <<< "${BREAKDOWN[$n]}"
  for ((i = 0; i < ${#parts[@]}; i += 3)); do printf '%-9s %-10s %10s %10s\n' "$n" "${parts[i]}" "${parts[i+1]}" "${parts[i+2]}"; done
done
echo
echo "Autocomplete (AuthorityNames.Lookup as /api/authorities calls it, 10 answers; $((ROUNDS - 1)) timed rounds of 200 prefixes):"
printf '%-12s %8s %10s %10s %10s\n' authorities names p50_ms p95_ms max_ms
for a in "${AUTHORITY_SIZES[@]}"; do
  line="${AUTOCOMPLETE[$a]}"
  printf '%-12s %8s %10s %10s %10s\n' "$(kv authorities "$line")" "$(kv names "$line")" "$(kv p50_ms "$line")" "$(kv p95_ms "$line")" "$(kv max_ms "$line")"
done
