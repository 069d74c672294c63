#!/usr/bin/env python3
"""A loopback SMTP server for the dispatch tests (aiosmtpd).

Offers STARTTLS (required before AUTH and MAIL) on a certificate it is given, AUTH PLAIN and
LOGIN for one user, and stores every accepted message as MAILDIR/<n>.eml with the envelope in
MAILDIR/<n>.json (recipients, arrival time in nanoseconds). Prints "READY <port>" when it listens.

Failure modes for the tests:
  --refuse ADDR     RCPT TO ADDR gets 550 (permanent)
  --tempfail ADDR:N RCPT TO ADDR gets 451 (temporary) the first N times
  --refuse-sender ADDR  MAIL FROM ADDR gets 554 (permanent: a sender's quota)
  --tempfail-sender ADDR  MAIL FROM ADDR gets 451 (temporary: a sender's hourly limit)
  --slow-data SECONDS   the first message's data is answered SECONDS late (a server scanning it)
"""
import argparse
import asyncio
import json
import os
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--tempfail", action="append", default=[])
    parser.add_argument("--refuse-sender", action="append", default=[])
    parser.add_argument("--tempfail-sender", action="append", default=[])
    parser.add_argument("--slow-data", type=float, default=0)
    args = parser.parse_args()
    os.makedirs(args.maildir, exist_ok=True)

    tempfail = {}
    for item in args.tempfail:
        address, count = item.rsplit(":", 1)
        tempfail[address.lower()] = int(count)

    class Handler:
        def __init__(self):
            self.count = len([n for n in os.listdir(args.maildir) if n.endswith(".eml")])

        async def handle_MAIL(self, server, session, envelope, address, mail_options):
            if address.lower() in (a.lower() for a in args.refuse_sender):
                return "554 5.7.1 <%s>: Sender address rejected: daily sending quota exceeded" % address
            if address.lower() in (a.lower() for a in args.tempfail_sender):
                return "451 4.7.1 <%s>: Sender address rejected: hourly sending limit reached, try again later" % address
            envelope.mail_from = address
            envelope.mail_options.extend(mail_options)
            return "250 2.1.0 Ok"

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.lower() in (a.lower() for a in args.refuse):
                return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
            if tempfail.get(address.lower(), 0) > 0:
                tempfail[address.lower()] -= 1
                return "451 4.3.0 <%s>: Temporary local problem, try again later" % address
            envelope.rcpt_tos.append(address)
            return "250 2.1.5 Ok"

        async def handle_DATA(self, server, session, envelope):
            if self.count == 0 and args.slow_data > 0:
                await asyncio.sleep(args.slow_data)
            self.count += 1
            base = os.path.join(args.maildir, "%06d" % self.count)
            with open(base + ".tmp", "wb") as f:
                f.write(envelope.original_content)
            with open(base + ".json", "w") as f:
                json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "time_ns": time.time_ns(),
                           "mail_options": envelope.mail_options}, f)
            os.rename(base + ".tmp", base + ".eml")
            return "250 2.0.0 Ok: queued as %06d" % self.count

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and args.user is not None
              and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False)

    port = args.port
    if port == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    kwargs = {}
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        kwargs.update(tls_context=context, require_starttls=True)
    if args.user:
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.cert))
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, server_hostname="localhost", **kwargs)
    controller.start()
    print("READY %d" % port, flush=True)
    try:
        sys.stdin.read()  # runs until the test closes our standard input or kills us
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
