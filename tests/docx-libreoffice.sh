#!/usr/bin/env bash
# The comparative table as DOCX: LibreOffice opens it (headless conversion to
# PDF), and python-docx reads back its page orientation, cells and emphasis.
# Needs soffice (Debian: libreoffice-writer-nogui) and python3; installs
# python-docx in a venv under the target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo run --quiet --locked -- table kz.cc.age-14 --lang kk --format docx --workspace corpus >"$out/table.docx"
HOME="$out" soffice --headless --convert-to pdf --outdir "$out" "$out/table.docx" >"$out/soffice.log" 2>&1 || true
test -s "$out/table.pdf" || { cat "$out/soffice.log" >&2; echo "LibreOffice did not convert the table" >&2; exit 1; }
venv="${CARGO_TARGET_DIR:-target}/docx-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import docx' 2>/dev/null || "$venv/bin/pip" install -q python-docx
"$venv/bin/python" - "$out/table.docx" <<'PY'
import sys
import docx
from docx.enum.section import WD_ORIENT

d = docx.Document(sys.argv[1])
assert d.sections[0].orientation == WD_ORIENT.LANDSCAPE
assert d.sections[0].page_width > d.sections[0].page_height
rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
assert rows[0] == ["Р/с №", "Құрылымдық элемент", "Қолданыстағы редакция", "Ұсынылып отырған редакция", "Негіздеме"], rows[0]
# The row naming the amended act spans the table.
assert set(rows[1]) == {"2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексі"}, rows[1]
assert rows[2][:3] == ["1", "15-баптың 2-1-бөлігі (жаңа)", "Жоқ."], rows[2]
assert rows[3][:2] == ["2", "15-баптың үшінші бөлігі"], rows[3]
assert "бірінші, екінші немесе 2-1-бөліктерінде" in rows[3][3], rows[3][3]
cells = d.tables[0].rows[3].cells
struck = [r.text for p in cells[2].paragraphs for r in p.runs if r.font.strike]
bold = [r.text for p in cells[3].paragraphs for r in p.runs if r.bold]
# The quoted fragments of the operation, struck and inserted whole.
assert struck == ["бірінші немесе екінші бөлігінде"], struck
assert bold == ["бірінші, екінші немесе 2-1-бөліктерінде"], bold
print("docx: LibreOffice converts it; python-docx reads", len(rows), "rows")
PY
