#!/usr/bin/env bash
# Compares the speed of two sebuf revisions (and protoc and buf where they do the same job):
#
#   bench/compare.sh OLD_REV NEW_REV
#
# Builds `swift build -c release --product sebuf` of each revision in a temporary worktree
# (COMPARE_DIR/src-<hash>, removed after the build; the binary is kept as
# COMPARE_DIR/bin/sebuf-<hash>, so a second comparison does not rebuild), generates the
# workspaces once with this checkout's bench/gen-workspace.py, and times, on the same inputs:
#
#   build     sebuf build WS -o FILE           BUILD_SHAPE (standard; or editions), BUILD_FILES (2000)
#             protoc -I proto -I third_party --include_imports --include_source_info -o FILE ...
#             buf build -o FILE
#   lint      sebuf lint . / buf lint          layered shape, LINT_FILES (500), STANDARD
#   breaking  sebuf breaking --against PREV    layered shape, BREAKING_FILES (500); the input
#             buf breaking --against PREV      is the --edit variant, PREV the unedited one
#   generate  sebuf generate, no-op            layered --http, GENERATE_FILES (500); native
#                                              backends only; each revision has its own copy
#                                              of the workspace, generated (and no-op'd) once
#                                              before timing; NOOP_INNER (5) runs per round
#
# RUNS (7) rounds; in each round every tool of a benchmark runs once, and the order of the
# tools is reversed every other round (old new protoc buf / buf protoc new old), so a load
# that drifts during the run costs every tool alike. One untimed warm-up run per tool first.
# Each run is timed with /usr/bin/time -f '%e %U %S %M' (wall, user, sys, peak RSS); the
# table shows medians (CPU = user + sys) and ratios to NEW, then NEW/OLD paired round by round
# (how many rounds NEW was slower says whether a difference is more than noise). On a shared
# machine wall time is noisy; CPU time is the steadier number. Raw samples: COMPARE_DIR/results-OLD-NEW-DATE.tsv.
# Needs: swift, python3, /usr/bin/time (apt-get install time), protoc 36.2 (PROTOC, default
# /opt/protoc-36.2/bin/protoc as scripts/install-test-deps puts it; else protoc on PATH) and buf on
# PATH (either may be absent: its rows are left out).
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,4p' "$0" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
gen="$repo/bench/gen-workspace.py"
dir=${COMPARE_DIR:-/tmp/sebuf-compare}
runs=${RUNS:-7}
noop_inner=${NOOP_INNER:-5}
build_files=${BUILD_FILES:-2000}
build_shape=${BUILD_SHAPE:-standard}
# protoc 36.2 (Debian's 3.21 cannot compile the editions shape).
protoc=${PROTOC:-/opt/protoc-36.2/bin/protoc}
[ -x "$protoc" ] || protoc=$(command -v protoc || echo protoc)
lint_files=${LINT_FILES:-500}
breaking_files=${BREAKING_FILES:-500}
generate_files=${GENERATE_FILES:-500}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
old=$(git -C "$repo" rev-parse --verify "$1^{commit}")
new=$(git -C "$repo" rev-parse --verify "$2^{commit}")
mkdir -p "$dir/bin"

build_rev() {  # full hash -> path of its release binary (built once, then cached)
  local rev=$1 src="$dir/src-${1:0:12}" bin="$dir/bin/sebuf-${1:0:12}"
  if [ ! -x "$bin" ]; then
    [ -d "$src" ] || git -C "$repo" worktree add -q --detach "$src" "$rev" >&2
    echo "building ${rev:0:12} (release; several minutes)..." >&2
    (cd "$src" && swift build -c release --product sebuf >&2 && cp "$(swift build -c release --show-bin-path)/sebuf" "$bin.tmp")
    mv "$bin.tmp" "$bin"
    git -C "$repo" worktree remove --force "$src"
  fi
  echo "$bin"
}
old_bin=$(build_rev "$old")
new_bin=$(build_rev "$new")

work=$(mktemp -d "$dir/work.XXXXXX")
trap 'rm -rf "$work"' EXIT
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$dir/results-${old:0:12}-${new:0:12}-$stamp.tsv"
: > "$results"

echo "generating workspaces in $work ..." >&2
python3 "$gen" "$work/build" --shape "$build_shape" --files "$build_files" >/dev/null
python3 "$gen" "$work/lint" --shape layered --files "$lint_files" >/dev/null
python3 "$gen" "$work/prev" --shape layered --files "$breaking_files" >/dev/null
python3 "$gen" "$work/cur" --shape layered --files "$breaking_files" --edit >/dev/null
python3 "$gen" "$work/gen-old" --shape layered --http --files "$generate_files" >/dev/null
{
  printf 'version: v1\nmodules:\n  - path: proto\nincludes: [third_party]\ngenerate:\n'
  for b in go-http go-client; do printf '  - backend: %s\n    out: gen/%s\n    opt: [paths=source_relative]\n' $b $b; done
  for b in ts-client ts-server openapi; do printf '  - backend: %s\n    out: gen/%s\n' $b $b; done
  printf 'managed:\n  go_package_prefix: example.com/bench/gen\n'
} > "$work/gen-old/sebuf.yaml"
cp -r "$work/gen-old" "$work/gen-new"
mkdir -p "$work/out"
protoc_files=$(LC_ALL=C sort "$work/build/files.txt" | tr '\n' ' ')

have() { command -v "$1" >/dev/null 2>&1; }
sebuf_of() { [ "$1" = old ] && echo "$old_bin" || echo "$new_bin"; }

# run BENCH TOOL ROUND: runs one tool of one benchmark once; ROUND 0 is the warm-up (not kept).
run() {
  local bench=$1 tool=$2 round=$3 rc=0 cwd cmd
  case "$bench/$tool" in
    build/old|build/new) cwd=$work/build; cmd=("$(sebuf_of "$tool")" build . -o "$work/out/build-$tool.binpb") ;;
    build/protoc) cwd=$work/build; cmd=("$protoc" -I proto -I third_party --include_imports --include_source_info -o "$work/out/build-protoc.binpb" $protoc_files) ;;
    build/buf) cwd=$work/build; cmd=(buf build -o "$work/out/build-buf.binpb") ;;
    lint/old|lint/new) cwd=$work/lint; cmd=("$(sebuf_of "$tool")" lint .) ;;
    lint/buf) cwd=$work/lint; cmd=(buf lint) ;;
    breaking/old|breaking/new) cwd=$work/cur; cmd=("$(sebuf_of "$tool")" breaking --against "$work/prev") ;;
    breaking/buf) cwd=$work/cur; cmd=(buf breaking --against "$work/prev") ;;
    generate/old|generate/new) cwd=$work/gen-$tool; cmd=("$(sebuf_of "$tool")" generate) ;;
    *) echo "no command for $bench/$tool" >&2; exit 1 ;;
  esac
  (cd "$cwd" && /usr/bin/time -f '%e %U %S %M' -o "$work/time" "${cmd[@]}" >"$work/out/$bench-$tool.stdout" 2>"$work/out/$bench-$tool.stderr") || rc=$?
  # lint and breaking exit 100 when they report findings (sebuf and buf alike).
  if [ $rc -ne 0 ] && [ $rc -ne 100 ]; then
    echo "$bench/$tool failed (exit $rc): ${cmd[*]}" >&2; head -5 "$work/out/$bench-$tool.stderr" >&2; exit 1
  fi
  [ "$round" = 0 ] || printf '%s\t%s\t%s\t%s\t%s\n' "$bench" "$tool" "$round" "$rc" "$(tail -n 1 "$work/time" | tr ' ' '\t')" >> "$results"
}

tools_for() {  # the tools of a benchmark, in the order of round $2 (reversed every other round)
  local list
  case $1 in
    build) list="old new"; have "$protoc" && list="$list protoc"; have buf && list="$list buf" ;;
    lint|breaking) list="old new"; have buf && list="$list buf" ;;
    generate) list="old new" ;;
  esac
  if [ $(($2 % 2)) = 0 ]; then echo "$list" | tr ' ' '\n' | tac | tr '\n' ' '; else echo "$list"; fi
}

# The first generate of each revision writes everything; the second is the warm-up no-op.
for t in old new; do (cd "$work/gen-$t" && "$(sebuf_of $t)" generate >/dev/null 2>&1); done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 0 "$runs"); do
  echo "round $round/$runs (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  for bench in build lint breaking generate; do
    for tool in $(tools_for $bench $round); do
      if [ $bench = generate ] && [ "$round" != 0 ]; then
        for _ in $(seq "$noop_inner"); do run $bench $tool $round; done
      else
        run $bench $tool $round
      fi
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Same results from both revisions?
same() { cmp -s "$1" "$2" && echo same || echo DIFFERENT; }
sorted() { LC_ALL=C sort "$1"; }
checks="build image old/new: $(same "$work/out/build-old.binpb" "$work/out/build-new.binpb")"
[ -f "$work/out/build-protoc.binpb" ] && checks="$checks, new/protoc: $(same "$work/out/build-new.binpb" "$work/out/build-protoc.binpb")"
checks="$checks; lint findings old/new: $(same <(sorted "$work/out/lint-old.stdout") <(sorted "$work/out/lint-new.stdout")) ($(wc -l < "$work/out/lint-new.stdout") lines"
[ -f "$work/out/lint-buf.stdout" ] && checks="$checks, buf $(wc -l < "$work/out/lint-buf.stdout")"
checks="$checks); breaking findings old/new: $(same <(sorted "$work/out/breaking-old.stdout") <(sorted "$work/out/breaking-new.stdout")) ($(wc -l < "$work/out/breaking-new.stdout") lines"
[ -f "$work/out/breaking-buf.stdout" ] && checks="$checks, buf $(wc -l < "$work/out/breaking-buf.stdout")"
checks="$checks); generate outputs old/new: $(diff -rq "$work/gen-old/gen" "$work/gen-new/gen" >/dev/null && echo same || echo DIFFERENT)"

python3 - "$results" "$runs" "$noop_inner" <<PY
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
print("sebuf compare: OLD ${old:0:12} vs NEW ${new:0:12}; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')")
print("protoc: $(have "$protoc" && "$protoc" --version || echo absent); buf: $(have buf && buf --version 2>&1 || echo absent)")
print("rounds: %s (generate: %s runs per round), alternating order; load average before: $load_before, after: $load_after" % (sys.argv[2], sys.argv[3]))
print("workspaces: build $build_files files ($build_shape), lint $lint_files (layered, STANDARD), breaking $breaking_files (layered vs --edit), no-op generate $generate_files (layered --http, 5 native backends)")
print("checks: $checks")
print()
print("| benchmark | tool | wall median (min-max) | CPU median (user+sys) | peak RSS median | wall / new | CPU / new | RSS / new |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
names = {"old": "sebuf OLD ${old:0:7}", "new": "sebuf NEW ${new:0:7}", "protoc": "protoc", "buf": "buf"}
for bench in ["build", "lint", "breaking", "generate"]:
    med = {}
    for tool in ["old", "new", "protoc", "buf"]:
        rs = [r for r in rows if r[0] == bench and r[1] == tool]
        if not rs: continue
        wall = [float(r[4]) for r in rs]
        cpu = [float(r[5]) + float(r[6]) for r in rs]
        rss = [int(r[7]) / 1024 for r in rs]
        med[tool] = (statistics.median(wall), min(wall), max(wall), statistics.median(cpu), statistics.median(rss))
    # /usr/bin/time prints 10 ms steps: the no-op generate is shown in ms.
    ms = bench == "generate"
    f = (lambda x: "%.0f ms" % (x * 1000)) if ms else (lambda x: "%.2f s" % x)
    g = (lambda x: "%.0f" % (x * 1000)) if ms else (lambda x: "%.2f" % x)
    ratio = lambda a, b: "%.2f" % (a / b) if b > 0 else "-"
    for tool, (w, lo, hi, c, m) in med.items():
        n = med["new"]
        print("| %s | %s | %s (%s-%s) | %s | %.0f MB | %s | %s | %s |" % (
            bench, names[tool], f(w), g(lo), g(hi), f(c), m, ratio(w, n[0]), ratio(c, n[3]), ratio(m, n[4])))
print()
# Paired by round: OLD and NEW ran back to back in each round, so their ratio cancels most of
# the load that differs between rounds. "slower in k/n" counts the rounds where NEW took more.
print("NEW / OLD paired by round (median ratio, range, rounds where NEW was slower):")
for bench in ["build", "lint", "breaking", "generate"]:
    out = []
    for key, name in ((lambda r: float(r[5]) + float(r[6]), "CPU"), (lambda r: float(r[4]), "wall")):
        ratios = []
        for rnd in sorted({r[2] for r in rows if r[0] == bench}, key=int):
            o = [key(r) for r in rows if r[0] == bench and r[1] == "old" and r[2] == rnd]
            n = [key(r) for r in rows if r[0] == bench and r[1] == "new" and r[2] == rnd]
            if o and n and statistics.median(o) > 0:
                ratios.append(statistics.median(n) / statistics.median(o))
        if ratios:
            out.append("%s %.3f (%.2f-%.2f, slower in %d/%d)" % (
                name, statistics.median(ratios), min(ratios), max(ratios), sum(x > 1 for x in ratios), len(ratios)))
    print("- %s: %s" % (bench, "; ".join(out)))
PY
echo "raw samples: $results" >&2
