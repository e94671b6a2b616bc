#!/usr/bin/env python3
"""Writes act-kk.docx from act-kk.txt: one Word paragraph per line, as a
copy from the official database saved in Word would have them. Standard
library only, with fixed zip dates, so the file is the same on every run:
    python3 tests/import/make-docx.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

FILES = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>",
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>",
}


def document(lines):
    paras = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(l)}</w:t></w:r></w:p>' if l else "<w:p/>"
        for l in lines
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}"><w:body>{paras}</w:body></w:document>'
    )


def main():
    with open(os.path.join(HERE, "act-kk.txt"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    files = dict(FILES)
    files["word/document.xml"] = document(lines)
    with zipfile.ZipFile(os.path.join(HERE, "act-kk.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    main()
