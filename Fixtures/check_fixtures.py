#!/usr/bin/env python3
"""Sanity checks of the Fixtures CSV files: SPEC headers, keys, references, reading rules.

Run: python3 Fixtures/check_fixtures.py [DIR]  (default: Fixtures/; also works on a `raschet synth`
output directory). Exit 1 when a problem is found.
"""
import csv
import os
import sys
from decimal import Decimal as D

from spec_columns import COLUMNS as SPEC

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
KEYS = {"suppliers": ["supplier_id"], "services": ["service_id"],
        "tariffs": ["service_id", "valid_from", "zone", "category"], "accounts": ["account_id"],
        "account_services": ["account_id", "service_id", "valid_from"], "meters": ["meter_id"],
        "readings": ["meter_id", "date", "zone"], "volumes": ["account_id", "service_id", "period"],
        "payments": ["payment_id"], "absences": ["account_id", "date_from"], "key_rates": ["valid_from"]}
problems = []


def load(name, path=None):
    path = path or os.path.join(HERE, name + ".csv")
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path}: BOM")
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines(), delimiter=";"))
    header = raw.decode("utf-8").splitlines()[0].split(";")
    extra = set(header) - set(SPEC[name])
    if extra:
        problems.append(f"{path}: columns not in SPEC: {extra}")
    seen = set()
    for r in rows:
        k = tuple(r.get(c) or "" for c in KEYS[name])
        if k in seen:
            problems.append(f"{path}: duplicate key {k}")
        seen.add(k)
    return rows


t = {n: load(n) for n in SPEC}
ids = lambda n, c: {r[c] for r in t[n]}
acc, svc, sup, met = ids("accounts", "account_id"), ids("services", "service_id"), ids("suppliers", "supplier_id"), ids("meters", "meter_id")
for n, col, ref in [("services", "supplier_id", sup), ("tariffs", "service_id", svc), ("account_services", "account_id", acc),
                    ("account_services", "service_id", svc), ("meters", "account_id", acc), ("meters", "service_id", svc),
                    ("readings", "meter_id", met), ("volumes", "account_id", acc), ("volumes", "service_id", svc),
                    ("payments", "account_id", acc), ("absences", "account_id", acc)]:
    for r in t[n]:
        if r[col] not in ref:
            problems.append(f"{n}: {col}={r[col]} references nothing")
# every service is connected, has a tariff; each method and VAT mode occurs
methods = {r["method"] for r in t["services"]}
vats = {r["vat_mode"] for r in t["services"]}
if methods != {"meter", "norm", "area", "fixed", "quantity"} or vats != {"included", "on_top", "exempt"}:
    problems.append(f"methods {methods} / VAT modes {vats}")
tariffed = ids("tariffs", "service_id")
for s in svc - tariffed:
    problems.append(f"service {s} has no tariff")
# meters: the meter's service is connected to its account
links = {(r["account_id"], r["service_id"]) for r in t["account_services"]}
for m in t["meters"]:
    if (m["account_id"], m["service_id"]) not in links:
        problems.append(f"meter {m['meter_id']}: service not connected to the account")
# readings: window 15..25, non-decreasing unless rollover
digits = {m["meter_id"]: int(m["digits"]) for m in t["meters"]}
last = {}
for r in sorted(t["readings"], key=lambda r: (r["meter_id"], r["zone"], r["date"])):
    if not 15 <= int(r["date"][8:10]) <= 25:
        problems.append(f"reading outside the window: {r}")
    k = (r["meter_id"], r["zone"])
    v = D(r["value"])
    if k in last:
        if r["rollover"] == "1":
            if not v < last[k]:
                problems.append(f"rollover without wrap: {r}")
        elif v < last[k]:
            problems.append(f"lower reading: {r}")
    last[k] = v
bad_path = os.path.join(HERE, "bad", "readings_lower.csv")
bad = load("readings", bad_path) if os.path.exists(bad_path) else []
for r in bad:
    if not D(r["value"]) < last[(r["meter_id"], r["zone"])]:
        problems.append("bad/readings_lower.csv is not lower than the last reading")
print("\n".join(problems) or "Fixtures: OK")
sys.exit(1 if problems else 0)
