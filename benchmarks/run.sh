#!/usr/bin/env bash
# Runs every benchmark and writes benchmarks/RESULTS.md:
#   1. the runtime benchmarks (JMH, in rounds): Quarry's generated code, hand-written JDBC,
#      JdbcTemplate, JDBI and jOOQ on one PostgreSQL (the server on 127.0.0.1:5432 when it
#      answers, else embedded), about 12 minutes;
#   2. the build-time measurements: javac with and without the processor on river's queries and
#      on a generated corpus of 1,000 queries, a few minutes on an idle machine.
#
# Usage (from anywhere):
#   benchmarks/run.sh                 everything, as committed in RESULTS.md
#   benchmarks/run.sh --quick         a smoke run: 1 short iteration each, 1 round, 1 build repetition
#   benchmarks/run.sh --only runtime  rerun one half (runtime or build), keep the other's last results
#
# Raw results (JMH's JSON, build-times.json, run.properties with the machine, the commit and
# whether the tree was clean) go to benchmarks/results/, and RESULTS.md is written from them
# alone; commit both. CI regenerates RESULTS.md from benchmarks/results/ and fails on a difference.
#
# Environment:
#   MVN_ARGS               extra Maven arguments, e.g. -Dmaven.repo.local=/path/to/repo
#   QUARRY_BENCH_DATABASE  auto (default), embedded, or a jdbc:postgresql:// URL of a server's
#                          maintenance database (the benchmarks create and drop their own databases)
#   RUNTIME_ROUNDS         rounds of the runtime benchmarks (default 3)
#   BUILD_REPETITIONS      javac runs per build scenario (default 3)
#   RUNTIME_BENCHMARKS     comma-separated subset of the runtime benchmarks (default all), e.g.
#                          pointLookup,list100,insertOne
#   RUNTIME_IMPLEMENTATIONS  comma-separated subset of the implementations (default all), e.g.
#                          Jdbc,Quarry,QuarryListener
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/benchmarks/target/results"
quick=false
only=all
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --only) only="$2"; shift ;;
    *) echo "unknown argument $1; see the top of $0" >&2; exit 2 ;;
  esac
  shift
done
case "$only" in
  all) rm -rf "$out" ;;
  runtime) rm -rf "$out/jmh" "$out/jmh.log" "$out/allocation.json" "$out/allocation.log" ;;
  build) rm -rf "$out/build-work" "$out/build-times.json" "$out/build-times.log" ;;
  *) echo "--only takes runtime or build" >&2; exit 2 ;;
esac
mkdir -p "$out"

read -r -a mvn_args <<< "${MVN_ARGS:-}"
mvn=(mvn -B -q "${mvn_args[@]}")
database="${QUARRY_BENCH_DATABASE:-auto}"
repetitions="${BUILD_REPETITIONS:-3}"
rounds="${RUNTIME_ROUNDS:-3}"
quick_args=()
if $quick; then
  quick_args=(--quick)
  repetitions=1
  rounds=1
fi

# The run's facts, for RESULTS.md: what was measured (the commit, and whether uncommitted changes
# were measured with it), on what, and how loaded the machine was.
changes=$(git status --porcelain --untracked-files=no 2>/dev/null \
  | { grep -v -e ' benchmarks/RESULTS.md$' -e ' benchmarks/results/' || true; } | wc -l)
{
  echo "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "loadBefore=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ "$changes" -eq 0 ]; then echo "treeClean=true"; else echo "treeClean=false"; echo "treeChanges=$changes"; fi
  echo "quick=$quick"
  echo "rounds=$rounds"
  if [[ "$only" != all ]]; then echo "only=$only"; fi
  if [[ -n "${RUNTIME_BENCHMARKS:-}" ]]; then echo "benchmarks=$RUNTIME_BENCHMARKS"; fi
  if [[ -n "${RUNTIME_IMPLEMENTATIONS:-}" ]]; then echo "implementations=$RUNTIME_IMPLEMENTATIONS"; fi
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores=$(nproc)"
  echo "ram=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1024/1024}' /proc/meminfo)"
  echo "os=$(uname -srm)"
  echo "jdk=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name|java.runtime.version|java.vendor =/ {printf "%s ", $2}' | sed 's/ $//')"
} > "$out/run.properties"

# -pl names the processor: the benchmarks module does not depend on it, so -am alone would
# measure whatever processor jar was built last.
echo "== building (runtime and processor installed into the local repository, then the benchmarks jar)"
"${mvn[@]}" -Pbenchmarks -pl processor,runtime,benchmarks -am install -DskipTests
# The processor's classpath as javac's -processorpath, and what generated code compiles against.
"${mvn[@]}" -pl processor org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$out/processor.deps" -DincludeScope=runtime
"${mvn[@]}" -pl runtime org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$out/runtime.deps" -DincludeScope=compile
processor_jar=$(ls processor/target/quarry-processor-*.jar | grep -v -e sources -e javadoc | head -1)
runtime_jar=$(ls runtime/target/quarry-runtime-*.jar | grep -v -e sources -e javadoc | head -1)
echo "$root/$processor_jar:$(cat "$out/processor.deps")" > "$out/processor.classpath"
echo "$root/$runtime_jar:$(cat "$out/runtime.deps")" > "$out/compile.classpath"
jar="$root/benchmarks/target/benchmarks.jar"

if [[ "$only" != build ]]; then
  echo "== runtime benchmarks (JMH, $rounds rounds)"
  java -Dquarry.bench.database="$database" -Dquarry.bench.benchmarks="${RUNTIME_BENCHMARKS:-}" \
    -Dquarry.bench.implementations="${RUNTIME_IMPLEMENTATIONS:-}" \
    -cp "$jar" dev.quarry.bench.runtime.Rounds "$out/jmh" "$rounds" \
    "${quick_args[@]}" | tee "$out/jmh.log"
  if [[ "$quick" != true ]]; then
    echo "== allocation on the calling thread (each library in a JVM of its own)"
    java -Dquarry.bench.database="$database" -Dquarry.bench.benchmarks="${RUNTIME_BENCHMARKS:-}" \
      -Dquarry.bench.implementations="${RUNTIME_IMPLEMENTATIONS:-}" \
      -cp "$jar" dev.quarry.bench.runtime.CallingThreadAllocation "$out/allocation.json" \
      | tee "$out/allocation.log"
  fi
fi

if [[ "$only" != runtime ]]; then
  echo "== build times"
  java -cp "$jar" dev.quarry.bench.build.BuildTimes "$out/build-work" "$out/build-times.json" \
    "$out/processor.classpath" "$out/compile.classpath" "$root/../shared/corpora/river" "$database" "$repetitions" \
    | tee "$out/build-times.log"
fi

{
  echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "loadAfter=$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -f "$out/jmh.log" ]; then
    echo "runtimeDatabase=$(grep -m1 '# database: ' "$out/jmh.log" | sed 's/.*# database: //')"
  fi
} >> "$out/run.properties"

# The raw results, committed beside RESULTS.md: RESULTS.md is written from these files only.
raw="$root/benchmarks/results"
mkdir -p "$raw"
cp "$out/run.properties" "$raw/run.properties"
if [[ "$only" != build ]]; then
  rm -rf "$raw/jmh" "$raw/allocation.json"
  (cd "$out" && find jmh -name '*.json' -exec install -D -m 644 {} "$raw/{}" \;)
  if [ -f "$out/allocation.json" ]; then cp "$out/allocation.json" "$raw/allocation.json"; fi
fi
if [[ "$only" != runtime ]]; then
  cp "$out/build-times.json" "$raw/build-times.json"
fi

echo "== writing benchmarks/RESULTS.md from benchmarks/results/"
java -cp "$jar" dev.quarry.bench.report.ResultsReport "$raw" "$root/benchmarks/RESULTS.md"
echo "Commit benchmarks/results/ and benchmarks/RESULTS.md together."
