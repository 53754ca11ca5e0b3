# shellcheck shell=bash
# Shell functions the bench scripts share (sourced, not run).

# Stops a process and waits (at most 30 s) for it to end, then kills it; the runtime's shutdown hooks stop
# embedded PostgreSQL, which needs those seconds.
stop_process() {
  local pid=$1
  [[ -n $pid ]] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

# Prints the resident set (MB) and the heap in use after a full GC (MB) of a JVM, tab-separated.
memory_of() {
  local pid=$1 rss heap
  rss=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  jcmd "$pid" GC.run > /dev/null
  heap=$(jcmd "$pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?$/, "", v); printf "%.0f", v / 1024; exit}}')
  printf '%s\t%s\n' "$rss" "$heap"
}
