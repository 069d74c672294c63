#!/usr/bin/env python3
"""Parses every message an smtp_server.py stored, with Python's email package, and prints one
JSON object per message (sorted by recipient): envelope, decoded headers, both bodies, the
attachment's decoded file name, and the longest line and whether every byte is 7-bit.
The attachment's bytes are written to OUT/<n>.pdf for a byte-for-byte comparison."""
import email
import email.policy
from email.header import decode_header, make_header
import json
import os
import sys

maildir, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
results = []
for name in sorted(n for n in os.listdir(maildir) if n.endswith(".eml")):
    base = name[:-4]
    raw = open(os.path.join(maildir, name), "rb").read()
    envelope = json.load(open(os.path.join(maildir, base + ".json")))
    message = email.message_from_bytes(raw, policy=email.policy.default)
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    attachments = list(message.iter_attachments())
    record = {
        "n": base,
        "envelope_to": envelope["to"],
        "envelope_from": envelope["from"],
        "time_ns": envelope["time_ns"],
        # Decoded as RFC 2047 section 6.2 says (whitespace between encoded words dropped); the
        # default policy's address parser keeps it.
        "from": str(make_header(decode_header(email.message_from_bytes(raw)["From"]))),
        "to": str(make_header(decode_header(email.message_from_bytes(raw)["To"]))),
        "subject": str(message["Subject"]),
        "message_id": str(message["Message-ID"]),
        "date": str(message["Date"]),
        "content_type": message.get_content_type(),
        "text": text.get_content().replace("\r\n", "\n") if text else None,
        "html": html.get_content().replace("\r\n", "\n") if html else None,
        "attachments": [],
        "max_line": max(len(line) for line in raw.split(b"\r\n")),
        "seven_bit": all(b < 128 for b in raw),
        "defects": [type(d).__name__ for part in message.walk() for d in part.defects],
    }
    for index, part in enumerate(attachments):
        path = os.path.join(out, "%s-%d.bin" % (base, index))
        with open(path, "wb") as f:
            f.write(part.get_payload(decode=True))
        record["attachments"].append({"filename": part.get_filename(), "type": part.get_content_type(), "path": path})
    results.append(record)
results.sort(key=lambda r: (r["envelope_to"], r["n"]))
json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
