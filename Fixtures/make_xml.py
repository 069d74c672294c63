#!/usr/bin/env python3
"""Writes Fixtures/raschet-data.xml from the Fixtures CSV files, so that the two stay identical.

Run after editing a CSV: python3 Fixtures/make_xml.py   (--check: exit 1 if the XML is stale).

One collection per file, in dependency order; one element per row, named the singular of the
collection; attributes are the CSV columns in header order, with the same text; empty cells are
left out. No DTD, no entities beyond the five predefined ones (the importer refuses the rest).
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLLECTIONS = [
    ("suppliers", "supplier"), ("services", "service"), ("tariffs", "tariff"), ("accounts", "account"),
    ("account_services", "account_service"), ("meters", "meter"), ("readings", "reading"),
    ("volumes", "volume"), ("payments", "payment"), ("absences", "absence"), ("key_rates", "key_rate"),
]


def attr(value):
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


def render():
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<raschet-data version="1">']
    for collection, element in COLLECTIONS:
        with open(os.path.join(HERE, collection + ".csv"), encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter=";")
            header = next(reader)
            out.append(f"  <{collection}>")
            for row in reader:
                pairs = " ".join(f'{c}="{attr(v)}"' for c, v in zip(header, row) if v != "")
                out.append(f"    <{element} {pairs}/>")
            out.append(f"  </{collection}>")
    out.append("</raschet-data>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    path = os.path.join(HERE, "raschet-data.xml")
    text = render()
    if "--check" in sys.argv:
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if current != text:
            sys.exit("raschet-data.xml is stale: run python3 Fixtures/make_xml.py")
        print("raschet-data.xml: up to date")
    else:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
