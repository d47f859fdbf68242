#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing, then runs the whole suite.
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need_apt+=(fonts-noto-cjk)
# The typeface PDF reports are set in (TrueType outlines that PDFsharp can subset; SIL OFL 1.1).
[ -f /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf ] || need_apt+=(fonts-lxgw-wenkai)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need_apt[*]} ..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "warning: missing ${need_apt[*]}; browser and PDF tests need them (apt-get install ${need_apt[*]})" >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build CampaignConsole.slnx -c Release -nologo -v quiet || { echo "tests: 0 passed, 1 failed"; exit 1; }
# The OpenAPI linter that the document test runs, pinned by tools/openapi/package-lock.json.
if [ ! -x tools/openapi/node_modules/.bin/redocly ]; then
  command -v npm >/dev/null 2>&1 || { echo "error: npm is missing; the OpenAPI lint test needs it (apt-get install npm)" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
  (cd tools/openapi && npm ci --no-audit --no-fund) || { echo "error: npm ci in tools/openapi failed" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
fi
# A log of this run's own: checkouts side by side may test at the same time.
log=$(mktemp -t cc-test.XXXXXX.log)
# Every console the suite starts appends its log lines here, for the personal-data scan after the run.
suite_log=$(mktemp -t cc-suite.XXXXXX.log)
CC_SUITE_LOG="$suite_log" dotnet test Console.Tests/Console.Tests.csproj -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" | tee "$log"
status=${PIPESTATUS[0]}
# A closing line CI can read whatever the runner prints (-a: test output may hold bytes that make grep call the log binary).
total=$(grep -aEo 'Passed: +[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
failed=$(grep -aEo 'Failed: +[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
# The whole run's log holds no email address, phone number or API key (only after a whole run: a narrowed one logs too little).
if [ $# -eq 0 ]; then
  scan=$(mktemp -t cc-scan.XXXXXX.log)
  CC_SUITE_LOG_SCAN="$suite_log" dotnet test Console.Tests/Console.Tests.csproj -c Release --no-build -nologo --logger "console;verbosity=normal" \
    --filter "FullyQualifiedName~PersonalDataInLogsTests.The_whole_suites_log" | tee "$scan"
  scan_status=${PIPESTATUS[0]}
  total=$((total + $(grep -aEo 'Passed: +[0-9]+' "$scan" | tail -1 | grep -Eo '[0-9]+' || echo 0)))
  failed=$((failed + $(grep -aEo 'Failed: +[0-9]+' "$scan" | tail -1 | grep -Eo '[0-9]+' || echo 0)))
  [ "$scan_status" -eq 0 ] || status=$scan_status
  echo "suite log: $(wc -l < "$suite_log") lines scanned ($suite_log)"
fi
# The names of the failed tests last, where a reader of a long log looks first.
grep -ahE '^\s+Failed Console\.' "$log" ${scan:+"$scan"} | sed 's/^ */failed: /' || true
echo "tests: ${total} passed, ${failed} failed"
exit "$status"
