#!/usr/bin/env bash
# The comparative table, `zan diff` and the bill as DOCX: LibreOffice opens them
# (headless conversion to PDF), accepts or rejects every tracked change (a
# Basic macro in a throwaway profile) and writes the text: accepted gives the
# proposed wording, rejected the current one. python-docx and the XML read
# back the page, cells, emphasis, w:ins/w:del with the amendment's author
# and date, comments anchored to the changed words, fonts, column widths and
# the repeated header row; the bill's DOCX (kk, ru) read by LibreOffice is
# the text bill word for word, in the layout of a printed law.
# Needs soffice (Debian: libreoffice-writer-nogui) and python3; installs
# python-docx in a venv under the target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo run --quiet --locked -- table kz.cc.age-14 --lang kk --format docx --workspace corpus >"$out/table.docx"
cargo run --quiet --locked -- table kz.cc.age-14 --lang ru --format docx --workspace corpus >"$out/table-ru.docx"
cargo run --quiet --locked -- diff kz.cc.age-14 --lang ru --format docx --workspace corpus >"$out/diff.docx"
for lang in kk ru; do
  cargo run --quiet --locked -- bill kz.cc.age-14 --lang "$lang" --format docx --workspace corpus -o "$out/bill-$lang.docx"
  cargo run --quiet --locked -- bill kz.cc.age-14 --lang "$lang" --workspace corpus >"$out/bill-$lang.expected.txt"
done
HOME="$out" soffice --headless --convert-to pdf --outdir "$out" "$out/table.docx" >"$out/soffice.log" 2>&1 || true
test -s "$out/table.pdf" || { cat "$out/soffice.log" >&2; echo "LibreOffice did not convert the table" >&2; exit 1; }

# Accept or reject every tracked change in LibreOffice itself, then save as text.
basic="$out/.config/libreoffice/4/user/basic/Standard"
test -d "$basic" || { echo "LibreOffice made no user profile under $out" >&2; exit 1; }
cat >"$basic/Module1.xba" <<'XBA'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Revisions(src As String, dst As String, how As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  Dim none() As New com.sun.star.beans.PropertyValue
  If how = &quot;accept&quot; Then
    dispatcher.executeDispatch(doc.CurrentController.Frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, none())
  Else
    dispatcher.executeDispatch(doc.CurrentController.Frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, none())
  End If
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
</script:module>
XBA
for doc in table-ru diff; do
  for how in accept reject; do
    HOME="$out" soffice --headless --invisible \
      "macro:///Standard.Module1.Revisions(\"$out/$doc.docx\",\"$out/$doc-$how.txt\",\"$how\")" >>"$out/soffice.log" 2>&1 || true
    test -s "$out/$doc-$how.txt" || { cat "$out/soffice.log" >&2; echo "LibreOffice did not $how the changes of $doc.docx" >&2; exit 1; }
  done
done
# The bill's DOCX, as LibreOffice reads it, is the text bill word for word.
for lang in kk ru; do
  HOME="$out" soffice --headless --convert-to "txt:Text (encoded):UTF8" --outdir "$out" "$out/bill-$lang.docx" >>"$out/soffice.log" 2>&1 || true
  test -s "$out/bill-$lang.txt" || { cat "$out/soffice.log" >&2; echo "LibreOffice did not convert bill-$lang.docx" >&2; exit 1; }
done
python3 - "$out" <<'PY'
import sys
d = sys.argv[1]
for lang, words in [("kk", ["ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ", "1-бап.", "мынадай мазмұндағы 2-1-бөлікпен толықтырылсын:", "Қазақстан Республикасының\nПрезиденті"]),
                    ("ru", ["ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН", "Статья 1.", "дополнить частью 2-1 следующего содержания:", "Президент\nРеспублики Казахстан"])]:
    got = open(f"{d}/bill-{lang}.txt", encoding="utf-8-sig").read().replace("\r\n", "\n")
    want = open(f"{d}/bill-{lang}.expected.txt", encoding="utf-8").read()
    assert got == want, f"bill-{lang}.docx as LibreOffice reads it:\n{got}\n--- zan bill --lang {lang}:\n{want}"
    assert all(w in got for w in words), (lang, [w for w in words if w not in got])
print("docx: LibreOffice reads the bill's DOCX (kk, ru) as the text bill, word for word")
PY

python3 - "$out" <<'PY'
import sys
d = sys.argv[1]
def text(name):
    return open(f"{d}/{name}", encoding="utf-8-sig").read()
current = "указанного в части первой или второй настоящей статьи"
proposed = "указанного в части первой, второй или 2-1 настоящей статьи"
new_part = "Лица, достигшие ко времени совершения преступления четырнадцатилетнего возраста"
# The diff: accepted is the proposed wording, rejected the current one.
acc, rej = text("diff-accept.txt"), text("diff-reject.txt")
assert proposed in acc and current not in acc, acc
assert current in rej and proposed not in rej, rej
assert new_part in acc and new_part not in rej
# The table: the proposed column follows; the current column never changes.
acc, rej = text("table-ru-accept.txt"), text("table-ru-reject.txt")
assert acc.count(proposed) == 1 and acc.count(current) == 1, acc
assert rej.count(current) == 2 and proposed not in rej, rej
print("docx: LibreOffice accepts the tracked changes into the proposed wording and rejects them into the current one")
PY

venv="${CARGO_TARGET_DIR:-target}/docx-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import docx' 2>/dev/null || "$venv/bin/pip" install -q python-docx
"$venv/bin/python" - "$out/bill-ru.docx" <<'PY'
import sys
import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
d = docx.Document(sys.argv[1])
s = d.sections[0]
assert s.orientation == WD_ORIENT.PORTRAIT and s.page_width < s.page_height, "A4 portrait"
ps = [p for p in d.paragraphs if p.text]
head = next(p for p in ps if p.text == "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН")
assert head.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(r.bold for r in head.runs)
art = next(p for p in ps if p.text.startswith("Статья 1. "))
assert [r.text for r in art.runs if r.bold] == ["Статья 1."], [(r.text, r.bold) for r in art.runs]
assert art.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, art.alignment
assert round(art.paragraph_format.first_line_indent.pt * 20) == 709, art.paragraph_format.first_line_indent
styles = [p for p in d.part.package.parts if p.partname == "/word/styles.xml"][0].blob.decode()
assert 'w:ascii="Times New Roman"' in styles and 'w:cs="Times New Roman"' in styles, "default fonts"
assert '<w:sz w:val="28"' in styles, "14 pt"
print("docx: python-docx reads the bill: A4 portrait, centred bold heading, bold article labels, justified and indented, Times New Roman 14 pt")
PY
"$venv/bin/python" - "$out/table.docx" "$out/diff.docx" <<'PY'
import sys
import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
d = docx.Document(sys.argv[1])
assert d.sections[0].orientation == WD_ORIENT.LANDSCAPE
assert d.sections[0].page_width > d.sections[0].page_height
rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
assert rows[0] == ["Р/с №", "Құрылымдық элемент", "Қолданыстағы редакция", "Ұсынылып отырған редакция", "Негіздеме"], rows[0]
# The row naming the amended act spans the table.
assert set(rows[1]) == {"2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексі"}, rows[1]
assert rows[2][:3] == ["1", "15-баптың 2-1-бөлігі (жаңа)", "Жоқ."], rows[2]
assert rows[3][:2] == ["2", "15-баптың үшінші бөлігі"], rows[3]
cells = d.tables[0].rows[3].cells
struck = [r.text for p in cells[2].paragraphs for r in p.runs if r.font.strike]
assert struck == ["бірінші немесе екінші бөлігінде"], struck
# The proposed wording: the quoted fragments deleted and inserted whole, as
# tracked changes by the amendment's author on its date; inserted words bold.
def texts(el, tag, t):
    return ["".join(x.text for x in e.iter(W + t)) for e in el.iter(W + tag)]
proposed = cells[3]._tc
assert texts(proposed, "del", "delText") == ["бірінші немесе екінші бөлігінде"], texts(proposed, "del", "delText")
assert texts(proposed, "ins", "t") == ["бірінші, екінші немесе 2-1-бөліктерінде"], texts(proposed, "ins", "t")
for e in list(proposed.iter(W + "ins")) + list(proposed.iter(W + "del")):
    assert e.get(W + "author") == "Dissertation S1 (author not named)", e.attrib
    assert e.get(W + "date") == "2026-01-01T00:00:00Z", e.attrib
assert all(r.find(W + "rPr/" + W + "b") is not None for i in proposed.iter(W + "ins") for r in i.iter(W + "r"))
# The justification is a comment anchored to the changed words.
starts = [e.get(W + "id") for e in proposed.iter(W + "commentRangeStart")]
ends = [e.get(W + "id") for e in proposed.iter(W + "commentRangeEnd")]
assert len(starts) == 1 and starts == ends, (starts, ends)
part = [p for p in d.part.package.parts if p.partname == "/word/comments.xml"][0]
from lxml import etree
croot = etree.fromstring(part.blob)
by_id = {c.get(W + "id"): "".join(t.text for t in c.iter(W + "t")) for c in croot.iter(W + "comment")}
assert by_id[starts[0]].startswith("Ілеспе өзгеріс: психикалық дамуы"), by_id
# Fonts covering Kazakh, fixed column widths, the header row repeated.
body = d.element.body
tbl = d.tables[0]._tbl
assert [int(g.get(W + "w")) for g in tbl.iter(W + "gridCol")] == [650, 2400, 4700, 4700, 3254]
assert tbl.find(W + "tblPr/" + W + "tblLayout").get(W + "type") == "fixed"
trs = tbl.findall(W + "tr")
assert trs[0].find(W + "trPr/" + W + "tblHeader") is not None
assert all(tr.find(W + "trPr/" + W + "tblHeader") is None for tr in trs[1:])
styles = [p for p in d.part.package.parts if p.partname == "/word/styles.xml"][0].blob.decode()
assert 'w:ascii="Times New Roman"' in styles and 'w:cs="Times New Roman"' in styles, "default fonts"

# zan diff: the units under their citations, tracked changes and comments.
x = docx.Document(sys.argv[2])
heads = [p.text for p in x.paragraphs if p.runs and p.runs[0].bold]
assert heads == ["kz.cc.age-14", "часть 2-1 статьи 15", "часть 3 статьи 15"], heads
body = x.element.body
# The word-level redline of `zan diff` (not the table's quoted fragments).
assert texts(body, "del", "delText") == ["второй"], texts(body, "del", "delText")
assert texts(body, "ins", "t")[1:] == [", второй", "2-1"], texts(body, "ins", "t")
assert len(list(body.iter(W + "commentRangeStart"))) == 2
print("docx: LibreOffice converts it; python-docx reads", len(rows), "rows, tracked changes and comments")
PY
