#!/bin/sh
# Runs every command that reads a log on INPUT and prints one line per command: wall time, peak RSS, exit
# code, output size (docs/RELIABILITY.md, "Any input up to 1 GB"). Each run gets TIMEOUT seconds (default 600).
#   src/bench/scripts/measure-bounds.sh INPUT [LAUNCHER] [COMMANDS...]
# LAUNCHER: target/heapscope (default) or "java -jar target/heapscope.jar"; COMMANDS: a subset of
# analyze json folded report csv leaks-csv export-json export-folded speedscope svg png diff
input=$1
launcher=${2:-target/heapscope}
[ $# -gt 2 ] && shift 2 || set -- analyze json folded report csv leaks-csv export-json export-folded speedscope svg png diff
out=${TMPDIR:-/tmp}/bounds-out.$$
for c in "$@"; do
    case $c in
        analyze) args="analyze $input" ;;
        json) args="analyze $input --json" ;;
        folded) args="analyze $input --folded" ;;
        report) args="report $input -o $out" ;;
        export-json) args="export $input -f json -o $out" ;;
        export-folded) args="export $input -f folded -o $out" ;;
        diff) args="diff $input $input" ;;
        *) args="export $input -f $c -o $out" ;;
    esac
    rm -f "$out"
    # shellcheck disable=SC2086 # the launcher and the arguments are word lists
    /usr/bin/time -o "$out.time" -f "%e s, %M KB, exit %x" timeout "${TIMEOUT:-600}" $launcher $args > "$out.stdout" 2> "$out.stderr"
    timing=$(tail -1 "$out.time")
    size=$(cat "$out" "$out.stdout" 2>/dev/null | wc -c)
    printf '%-14s %s, output %s bytes; %s\n' "$c" "$timing" "$size" "$(grep -v '^\s*$' "$out.stderr" | head -1 | cut -c1-140)"
done
rm -f "$out" "$out.stdout" "$out.stderr" "$out.time"
