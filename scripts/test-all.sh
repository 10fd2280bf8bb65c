#!/usr/bin/env bash
# npm test: every suite — static checks, unit, database on SQLite, on PostgreSQL and on PostgreSQL sharded by county,
# browser — installing what it needs.
# Never skips a suite: a suite that cannot run fails the whole run and says why.
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
mkdir -p .tmp && rm -f .tmp/vitest-*.json
results=()
failed=0

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }
apt_install() {
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

run_suite() { # name, vitest project, env...
  local name=$1 project=$2; shift 2
  step "$name"
  if env "$@" npx vitest run --project "$project" --reporter=default --reporter=json --outputFile=".tmp/vitest-$name.json"; then
    results+=("$name:ok")
  else
    results+=("$name:FAILED"); failed=1
  fi
}

[ -x node_modules/.bin/vitest ] || { step "npm install"; npm install || exit 1; }

step "static checks (layers, types)"
if npm run --silent lint; then results+=("lint:ok"); else results+=("lint:FAILED"); failed=1; fi

run_suite unit unit

# LibreOffice opens exported ledgers in the database suites (a spreadsheet program people really use), and its Writer
# prints the summaries to PDF, which poppler reads back (text layer, page count, page images).
office_need=()
command -v soffice >/dev/null || office_need+=(libreoffice-calc-nogui)
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 || office_need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || office_need+=(poppler-utils)
if [ ${#office_need[@]} -gt 0 ]; then
  step "LibreOffice"
  apt_install "${office_need[@]}" || echo "could not install ${office_need[*]}: the export and document tests will fail and say so" >&2
fi
run_suite sqlite db TIAODU_TEST_DB=sqlite

# PostgreSQL: throwaway clusters from the machine's binaries (unless a cluster is given): one for the plain layout,
# which is also the coordinator of the sharded layout, and two shards for it.
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
pg_dirs=()
cleanup() { for d in "${pg_dirs[@]}"; do bash scripts/pg-test-cluster.sh stop "$d" >/dev/null 2>&1; done; }
trap cleanup EXIT
start_cluster() { # prints the admin URL
  local dir
  dir=$(mktemp -d /tmp/tiaodu-pg-XXXXXX)
  pg_dirs+=("$dir")
  bash scripts/pg-test-cluster.sh start "$dir" "$(free_port)" || { echo "could not start a PostgreSQL cluster (see $dir/*.log)" >&2; return 1; }
}
if [ -z "${TIAODU_TEST_PG_URL:-}" ]; then
  step "PostgreSQL test clusters"
  # In this shell, not a subshell, so the cleanup knows every cluster started.
  start_cluster >.tmp/pg-url && TIAODU_TEST_PG_URL=$(cat .tmp/pg-url) && export TIAODU_TEST_PG_URL
fi
if [ -z "${TIAODU_TEST_SHARD_URLS:-}" ] && [ -n "${TIAODU_TEST_PG_URL:-}" ]; then
  shards=()
  for _ in 1 2; do start_cluster >.tmp/pg-url && shards+=("$(cat .tmp/pg-url)"); done
  [ ${#shards[@]} -eq 2 ] && export TIAODU_TEST_SHARD_URLS="${shards[*]}"
fi
rm -f .tmp/pg-url
if [ -n "${TIAODU_TEST_PG_URL:-}" ]; then
  run_suite postgres db TIAODU_TEST_DB=postgres TIAODU_TEST_PG_URL="$TIAODU_TEST_PG_URL"
else
  results+=("postgres:FAILED (no cluster)"); failed=1
fi
# The sharded layout (src/db/sharded-layout.ts): year and month rows partitioned by county over the two shards.
if [ -n "${TIAODU_TEST_SHARD_URLS:-}" ]; then
  run_suite postgres-sharded db TIAODU_TEST_DB=postgres TIAODU_TEST_PG_URL="$TIAODU_TEST_PG_URL" TIAODU_TEST_LAYOUT=sharded TIAODU_TEST_SHARD_URLS="$TIAODU_TEST_SHARD_URLS"
else
  results+=("postgres-sharded:FAILED (no shard clusters)"); failed=1
fi

# Browser: Debian's Chromium and CJK fonts, and the built web client.
step "browser prerequisites"
chromium_path=${CHROMIUM_PATH:-$(command -v chromium || true)}
if [ -z "$chromium_path" ] || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  apt_install chromium fonts-noto-cjk || true
  chromium_path=$(command -v chromium || true)
fi
if [ -z "$chromium_path" ]; then
  results+=("browser:FAILED (no Chromium)"); failed=1
else
  export CHROMIUM_PATH=$chromium_path
  if npm run --silent build:web; then
    run_suite browser e2e CHROMIUM_PATH="$chromium_path"
  else
    results+=("browser:FAILED (web build)"); failed=1
  fi
fi

step "summary"
printf '%s\n' "${results[@]}"
node -e '
  const fs = require("fs");
  let passed = 0, failedTests = 0, skipped = 0;
  for (const f of fs.readdirSync(".tmp").filter((f) => /^vitest-.*\.json$/.test(f))) {
    const r = JSON.parse(fs.readFileSync(".tmp/" + f, "utf8"));
    passed += r.numPassedTests; failedTests += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
    // Each failed test by name, at the end of the log where a reader of a long run looks first.
    const suite = f.replace(/^vitest-|\.json$/g, "");
    for (const file of r.testResults) {
      if (file.status === "failed" && file.assertionResults.every((t) => t.status !== "failed")) {
        console.log(`FAILED ${suite}: ${file.name.replace(process.cwd() + "/", "")}: ${String(file.message || "").split("\n")[0]}`);
      }
      for (const t of file.assertionResults.filter((t) => t.status === "failed")) {
        const why = String(t.failureMessages?.[0] ?? "").split("\n")[0].replace(/\x1b\[[0-9;]*m/g, "");
        console.log(`FAILED ${suite}: ${file.name.replace(process.cwd() + "/", "")} > ${t.fullName}: ${why.slice(0, 300)}`);
      }
    }
  }
  console.log(`${passed} passed, ${failedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
'
exit $failed
