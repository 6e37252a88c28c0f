#!/usr/bin/env bash
# JMH benchmark of deadline computations (DeadlineBenchmark). Compile the module's tests first:
#   ./mvnw -B -o verify -pl sla-service        (from the repository root)
# then run sla-service/bench.sh [JMH-free main arguments are ignored]. Prints ops/s and exits 1 if a target is missed.
# The machine's other work skews the figures: run it on a quiet machine for numbers worth comparing.
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$module")"
if [ ! -f "$module/target/test-classes/META-INF/BenchmarkList" ]; then
    echo "No compiled benchmarks in $module/target/test-classes; run: ./mvnw -B -o verify -pl sla-service" >&2
    exit 2
fi
# The same JDK choice as ./mvnw: Java 25.
if ! "${JAVA_HOME:-/nonexistent}/bin/java" -version 2>&1 | grep -q 'version "25'; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
(cd "$root" && ./mvnw -B -o -q -pl sla-service dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$module/target/bench.classpath")
exec "$JAVA_HOME/bin/java" -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    io.casework.sla.bench.DeadlineBenchmark
