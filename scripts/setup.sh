#!/usr/bin/env bash
# Installs what BudgetLens and its tests use, as root or through sudo; stops at the first failure.
#   poppler-utils           the PDF reader's text layer (pdftotext, pdfimages)
#   chromium, fonts-noto-cjk `render --to pdf` prints the HTML page; without a Chinese font it prints boxes
#   libreoffice-calc-nogui  the tests open the rendered XLSX in LibreOffice headless
#   postgresql              the store's second engine (the tests start a server: see .ci/run)
#   openpyxl, pdfplumber    (PyPI) the tests write workbooks and extract pdfplumber page text
#   wrk                     the server benchmark (docs/benchmarks.md)
#   openapi-spec-validator, schemathesis  (PyPI) the server tests validate /openapi.json and fuzz the API
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -n "$(fc-list :lang=zh 2>/dev/null || true)" ] || need+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${need[@]}"
fi
# Installed only when missing, so an offline machine that has them still works.
if ! python3 -c "import openpyxl, pdfplumber, openapi_spec_validator, schemathesis" >/dev/null 2>&1; then
    python3 -m pip install --quiet openpyxl pdfplumber openapi-spec-validator schemathesis
fi
