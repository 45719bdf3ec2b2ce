#!/usr/bin/env bash
# Large upload: one file through our client (the `upload` command of this project) and through curl, to the same
# Kestrel sink on 127.0.0.1 (the `sink` command), each run under /usr/bin/time -v for wall time and peak RSS.
# Usage: tests/TableFlow.Benchmarks/large-upload.sh            (10 MiB and 1 GiB files, 3 runs each)
#        SIZES_MIB="1024" RUNS=5 tests/TableFlow.Benchmarks/large-upload.sh
# Prints a markdown table (median of the runs) for docs/benchmarks.md. The small file shows whether peak memory
# stays flat as the file grows; "in-process" is the client's own stopwatch around RunFlowAsync (no runtime start-up).
# Our client runs twice: FlowFile.FromPath (what users call) and FlowFile.FromStream over a synchronous FileStream
# (upload --open stream), which tells the runtime's own file reading apart from the rest of the upload.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sizes=${SIZES_MIB:-"10 1024"}
runs=${RUNS:-3}
flow=dk4g1tUg1uHLs8YU

[ -x /usr/bin/time ] || { echo "large-upload.sh needs /usr/bin/time (GNU time)" >&2; exit 1; }
command -v curl >/dev/null || { echo "large-upload.sh needs curl" >&2; exit 1; }

dotnet build -c Release "$here/TableFlow.Benchmarks.csproj" -nologo -v q >/dev/null
dll="$here/bin/Release/net10.0/TableFlow.Benchmarks.dll"

work=$(mktemp -d)
sink_pid=
cleanup() {
  if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet "$dll" sink --log >"$work/sink.log" 2>&1 &
sink_pid=$!
for _ in $(seq 100); do grep -q '^sink listening on ' "$work/sink.log" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^sink listening on //p' "$work/sink.log")
[ -n "$url" ] || { echo "the sink did not start:" >&2; cat "$work/sink.log" >&2; exit 1; }

# wall seconds and max RSS (KiB) from a /usr/bin/time -v report
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Checks that the sink got the whole body of the last request (file + multipart framing).
check_last_body() {
  local size=$1 got
  got=$(grep '^request ' "$work/sink.log" | tail -1 | awk '{ print $4 }')
  if [ -z "$got" ] || [ "$got" -lt "$size" ]; then echo "the sink received ${got:-nothing} bytes, expected at least $size" >&2; exit 1; fi
}

echo "| file | client | wall (median of $runs) | ratio to curl | in-process | peak RSS |"
echo "|---|---|---:|---:|---:|---:|"
for mib in $sizes; do
  file="$work/file-$mib.pdf"
  head -c "$((mib * 1024 * 1024))" /dev/urandom >"$file"
  size=$(stat -c %s "$file")
  : >"$work/curl.wall"; : >"$work/curl.rss"
  for open in path stream; do : >"$work/$open.wall"; : >"$work/$open.rss"; : >"$work/$open.inproc"; done
  for _ in $(seq "$runs"); do
    for open in path stream; do
      /usr/bin/time -v -o "$work/t" dotnet "$dll" upload --url "$url" --file "$file" --open "$open" >"$work/out"
      check_last_body "$size"
      wall "$work/t" >>"$work/$open.wall"; rss "$work/t" >>"$work/$open.rss"
      sed -n 's/.* in \([0-9.]*\) s;.*/\1/p' "$work/out" >>"$work/$open.inproc"
    done

    /usr/bin/time -v -o "$work/t" curl -sS -f -o /dev/null -H "Authorization: Bearer bench-key" \
      -F "scan=@$file;type=application/pdf" "${url}v2/flows/$flow/run"
    check_last_body "$size"
    wall "$work/t" >>"$work/curl.wall"; rss "$work/t" >>"$work/curl.rss"
  done
  cw=$(median <"$work/curl.wall"); crss=$(median <"$work/curl.rss")
  label=$([ "$mib" -ge 1024 ] && echo "$((mib / 1024)) GiB" || echo "$mib MiB")
  for open in path stream; do
    name=$([ "$open" = path ] && echo 'TableFlowClient, FlowFile.FromPath' || echo 'TableFlowClient, FromStream(sync FileStream)')
    awk -v l="$label" -v n="$name" -v ow="$(median <"$work/$open.wall")" -v cw="$cw" -v oin="$(median <"$work/$open.inproc")" \
        -v orss="$(median <"$work/$open.rss")" 'BEGIN { printf "| %s | %s | %.2f s | %.2f | %.2f s | %.1f MiB |\n", l, n, ow, ow / cw, oin, orss / 1024 }'
  done
  awk -v l="$label" -v cw="$cw" -v crss="$crss" 'BEGIN { printf "| %s | curl -F | %.2f s | 1.00 | – | %.1f MiB |\n", l, cw, crss / 1024 }'
done
