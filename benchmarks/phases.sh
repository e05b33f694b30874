#!/usr/bin/env bash
# The database's share of the build (issue 14, "How it is measured"): javac with Quarry's processor
# on river's 55 queries, -Aquarry.timings=true, in the cold (no lock file), edited query and no
# change scenarios, on embedded PostgreSQL and on the server at 127.0.0.1:5432 (user postgres; the
# server rows are left out when it does not answer). Each javac is a new process using the
# installed artifacts, as a command-line build. Every row says what was cached before it ran and
# whether a PostgreSQL server was kept alive; the load average is read before and after.
#
# Usage (from anywhere):  benchmarks/phases.sh            3 repetitions per scenario (a few minutes)
#                         REPETITIONS=1 benchmarks/phases.sh
# Environment: MVN_ARGS (e.g. -Dmaven.repo.local=/path/to/repo), REPETITIONS (default 3),
# ONLY_PHASES=1 (the database scenarios only, for a quick look; results/ and RESULTS.md untouched).
# On embedded PostgreSQL the edited-query and no-change scenarios run twice: in javac's process
# (-Aquarry.buildServer=false) and on the kept server's build server ("..., build server" rows,
# whose "buildServer" field says in how many runs the server answered).
#
# Writes benchmarks/results/build-phases.json and regenerates benchmarks/RESULTS.md from
# benchmarks/results/ (CI checks that page against the raw files): commit both.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/benchmarks/target/phases"
rm -rf "$out"
mkdir -p "$out"
read -r -a mvn_args <<< "${MVN_ARGS:-}"
mvn=(mvn -B -q "${mvn_args[@]}")
repetitions="${REPETITIONS:-3}"
echo "load average before building: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== building (runtime and processor installed into the local repository, then the benchmarks jar)"
"${mvn[@]}" -Pbenchmarks -pl processor,runtime,benchmarks -am install -DskipTests
"${mvn[@]}" -pl processor org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$out/processor.deps" -DincludeScope=runtime
"${mvn[@]}" -pl runtime org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$out/runtime.deps" -DincludeScope=compile
processor_jar=$(ls processor/target/quarry-processor-*.jar | grep -v -e sources -e javadoc | head -1)
runtime_jar=$(ls runtime/target/quarry-runtime-*.jar | grep -v -e sources -e javadoc | head -1)
echo "$root/$processor_jar:$(cat "$out/processor.deps")" > "$out/processor.classpath"
echo "$root/$runtime_jar:$(cat "$out/runtime.deps")" > "$out/compile.classpath"
jar="$root/benchmarks/target/benchmarks.jar"

echo "== build phases, load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" dev.quarry.bench.build.PhaseTimes "$out/work" "$out/build-phases.json" \
  "$out/processor.classpath" "$out/compile.classpath" "$root/../shared/corpora/river" "$repetitions" \
  | tee "$out/phases.log"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${ONLY_PHASES:-}" = 1 ]; then
  echo "ONLY_PHASES=1: the scenario rows only, in $out/build-phases.json (benchmarks/results untouched)"
  exit 0
fi
raw="$root/benchmarks/results"
mkdir -p "$raw"
cp "$out/build-phases.json" "$raw/build-phases.json"
java -cp "$jar" dev.quarry.bench.report.ResultsReport "$raw" "$root/benchmarks/RESULTS.md"
echo "Commit benchmarks/results/build-phases.json and benchmarks/RESULTS.md together."
