#!/usr/bin/env python3
"""A loopback SMTP server that answers STARTTLS with its go-ahead and, in the same packet, a reply of
its own: what an attacker on the network adds in plain text (the STARTTLS command injection of
CVE-2011-0411, seen from the client's side). A client must not read that reply as coming through TLS.
Prints "READY <port>" when it listens; runs until its standard input closes.
"""
import argparse
import socket
import sys
import threading


def serve(connection):
    with connection:
        reader = connection.makefile("rb")
        connection.sendall(b"220 mx.example ESMTP\r\n")
        for line in reader:
            command = line.strip().upper()
            if command.startswith(b"EHLO"):
                connection.sendall(b"250-mx.example\r\n250 STARTTLS\r\n")
            elif command == b"STARTTLS":
                connection.sendall(b"220 2.0.0 Ready to start TLS\r\n250 2.1.0 Ok\r\n")
            else:
                return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maildir")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    listener = socket.socket()
    listener.bind(("127.0.0.1", args.port))
    listener.listen()
    print("READY %d" % listener.getsockname()[1], flush=True)

    def accept():
        while True:
            connection, _ = listener.accept()
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
