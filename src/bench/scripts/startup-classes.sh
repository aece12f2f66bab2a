#!/usr/bin/env bash
# Remakes src/main/resources/dev/heapscope/launch/startup-classes.txt, the classes the build archives for the
# heapscope launcher (ClassPreload, docs/PERFORMANCE.md "Start-up"): those the JVM loads while the window
# starts and runs a guided hunt with each view shown, and while the commands run on a sample log.
# Needs target/heapscope.jar (mvn -o -q package -DskipTests) and Xvfb (apt-get install xvfb). Takes a minute or two.
set -eu
cd "$(dirname "$0")/../../.."
jar=target/heapscope.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=src/test/resources/logs/shared/nodemcu-session-idf51.log
n=80; while [ -e /tmp/.X11-unix/X$n ]; do n=$((n + 1)); done
Xvfb :$n -screen 0 1440x900x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done
i=0
for tab in Leaks "Flame graph" "Retained by" Diff Console Timeline; do
    i=$((i + 1))
    # the hunt ends on the tab asked for; the app is stopped once its view has had time to fill
    DISPLAY=:$n setsid java -XX:DumpLoadedClassList="$work/gui-$i.list" -Dheapscope.home="$work/home-$i" \
        -jar "$jar" gui --hunt --tab "$tab" >"$work/gui-$i.out" 2>&1 &
    app=$!
    sleep "${HEAPSCOPE_TRAINING_SECONDS:-40}"
    kill -- -$app 2>/dev/null || true; wait $app 2>/dev/null || true
done
cli() { i=$((i + 1)); java -XX:DumpLoadedClassList="$work/cli-$i.list" -jar "$jar" "$@" >/dev/null 2>&1 || true; }
cli --help
cli analyze "$log"
cli analyze "$log" --folded
cli analyze "$log" --json
cli report "$log" -o "$work/report.html"
cli export "$log" -f svg -o "$work/flame.svg"
out=src/main/resources/dev/heapscope/launch/startup-classes.txt
mkdir -p "$(dirname "$out")"
{
    echo "# Classes the heapscope launcher's archive holds (ClassPreload); remade by src/bench/scripts/startup-classes.sh"
    # lambdas, proxies and other hidden classes cannot be loaded by name
    cat "$work"/*.list | grep -v '^[#@]' | awk '{ print $1 }' | grep -v '\$\$Lambda\|/\$Proxy\|LambdaForm\$\|0x' | sort -u
} > "$out"
echo "$(($(wc -l < "$out") - 1)) classes in $out"
