#!/usr/bin/env bash
# Start-up time of HeapScope as a user sees it: from launching a command to the window's first painted frame
# (the app's -Dheapscope.startupTrace milestones, docs/PERFORMANCE.md "Start-up", with the process' CPU time
# by then, which other work on the machine inflates less than wall time), or to the end of a command-line run.
# Runs every command RUNS times, interleaved (round 1 of each, then round 2...) so that a loaded machine weighs
# on all alike; prints every run, then each command's median and worst.
#
#   src/bench/scripts/startup.sh gui [--cold] [--runs N] ['COMMAND' ...]   (default: 'java -jar target/heapscope.jar')
#   src/bench/scripts/startup.sh cli [--cold] [--runs N] 'COMMAND' ...      (e.g. 'java -jar target/heapscope.jar --help')
#
# Each COMMAND is one argument, split into words by the shell. gui runs the app in a virtual X screen (Xvfb:
# apt-get install xvfb) with a fresh data directory each run and the trace switched on through JDK_JAVA_OPTIONS,
# which reaches every java launcher (a script's, mvn's fork). --cold drops the page cache before every run
# (root only), so the JDK, the jar and JavaFX's natives are read from disk as on a first launch after boot.
set -u
mode=${1:?usage: startup.sh gui|cli [--cold] [--runs N] [COMMAND...]}; shift
runs=5; cold=false
while [ $# -gt 0 ]; do
    case $1 in
        --cold) cold=true; shift ;;
        --runs) runs=$2; shift 2 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || set -- "java -jar target/heapscope.jar"
commands=("$@")
now_ms() { date +%s%3N; }
drop_caches() {
    if $cold; then sync; echo 3 > /proc/sys/vm/drop_caches || { echo "startup.sh: --cold needs root" >&2; exit 2; }; fi
}
summary() { # numbers on standard input, one a line: median and worst
    sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "no runs"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)
        printf "median %d ms, worst %d ms (%d runs)\n", m, v[NR], NR }'
}
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

run_cli() { # $1 index, $2 command; CPU time (user + system, all threads) from GNU time when installed
    local start end rc cpu=""
    drop_caches
    start=$(now_ms)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -o "$results/time" -f '%U %S' $2 >/dev/null 2>&1; rc=$?
        cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$results/time")
    else
        $2 >/dev/null 2>&1; rc=$?
    fi
    end=$(now_ms)
    echo "[$1] $((end - start)) ms${cpu:+ (cpu $cpu)} (exit $rc)"; echo $((end - start)) >> "$results/$1"
    [ -n "$cpu" ] && echo "$cpu" >> "$results/$1.cpu"
}

run_gui() { # $1 index, $2 command
    local home log start app line painted
    home=$(mktemp -d); log=$(mktemp)
    drop_caches
    start=$(now_ms)
    # a session of its own, so the whole command (a script, mvn and the JVM it forks) is stopped by its group id
    DISPLAY=$display JDK_JAVA_OPTIONS="-Dheapscope.startupTrace=true -Dheapscope.home=$home" setsid $2 >"$log" 2>&1 &
    app=$!
    for _ in $(seq 900); do # at most 90 s
        grep -q 'virtual board ready' "$log" && break
        kill -0 $app 2>/dev/null || break
        sleep 0.1
    done
    kill -- -$app 2>/dev/null; wait $app 2>/dev/null
    line="[$1]"
    while read -r _ _ epoch cpu what; do
        line="$line $what $((epoch - start)) (cpu $cpu);"
    done < <(grep '^heapscope-startup ' "$log")
    echo "$line"
    painted=$(awk '/^heapscope-startup .* first frame painted$/ { print $3, $4 }' "$log")
    if [ -n "$painted" ]; then
        echo $((${painted% *} - start)) >> "$results/$1"; echo "${painted#* }" >> "$results/$1.cpu"; rm -f "$log"
    else
        echo "  no painted frame: $log"
    fi
    rm -rf "$home"
}

if [ "$mode" = gui ]; then
    number=$((70 + RANDOM % 9))
    while [ -e /tmp/.X11-unix/X$number ]; do number=$((number + 1)); done
    display=:$number
    Xvfb $display -screen 0 1440x900x24 >/dev/null 2>&1 & xvfb=$!
    trap 'kill $xvfb 2>/dev/null; rm -rf "$results"' EXIT
    for _ in $(seq 100); do [ -e /tmp/.X11-unix/X$number ] && break; sleep 0.1; done
    [ -e /tmp/.X11-unix/X$number ] || { echo "startup.sh: Xvfb did not start on $display" >&2; exit 1; }
fi
for round in $(seq "$runs"); do
    echo "round $round"
    for i in "${!commands[@]}"; do "run_$mode" "$i" "${commands[$i]}"; done
done
[ "$mode" = gui ] && what="launch to first painted frame" || what="launch to exit"
for i in "${!commands[@]}"; do
    printf '[%d] %s, %s: ' "$i" "$what" "${commands[$i]}"; summary 2>/dev/null < "$results/$i" || echo "no runs"
    if [ -f "$results/$i.cpu" ]; then printf '    CPU time of the process by then: '; summary < "$results/$i.cpu"; fi
    true
done
