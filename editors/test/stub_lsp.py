#!/usr/bin/env python3
"""A stand-in for `zan lsp` in the editor tests, until the real server exists.

Answers initialize and shutdown, and on every didOpen publishes one
diagnostic "stub: <languageId>" so a test can see that the editor attached
and which language id it sent. Ignores its arguments (`lsp`).
"""
import json
import sys


def read():
    length = None
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        key, _, value = line.decode("ascii").partition(":")
        if key.lower() == "content-length":
            length = int(value)
    return json.loads(sys.stdin.buffer.read(length))


def send(message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode("utf-8")
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()


while True:
    msg = read()
    if msg is None:
        break
    method = msg.get("method")
    if method == "initialize":
        send({"id": msg["id"], "result": {"capabilities": {"textDocumentSync": 1},
                                          "serverInfo": {"name": "zan-stub"}}})
    elif method == "textDocument/didOpen":
        doc = msg["params"]["textDocument"]
        send({"method": "textDocument/publishDiagnostics", "params": {"uri": doc["uri"], "diagnostics": [{
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}},
            "severity": 3, "source": "zan", "message": "stub: " + doc["languageId"]}]}})
    elif method == "shutdown":
        send({"id": msg["id"], "result": None})
    elif method == "exit":
        break
    elif "id" in msg and method is not None:
        send({"id": msg["id"], "error": {"code": -32601, "message": "method not found"}})
