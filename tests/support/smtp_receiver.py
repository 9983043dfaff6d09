#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A real SMTP server for the e-mail channel's tests (Debian's python3-aiosmtpd).

STARTTLS is required (with the given certificate), AUTH is accepted for one user only, and each
message is saved to OUTDIR/<n>.eml with the envelope and the authenticated user in front.
Prints "READY <port>" once listening; stops when its standard input closes.

usage: smtp_receiver.py HOST PORT CERT KEY USER PASSWORD OUTDIR
"""
import os
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

host, port, cert, key, user, password, outdir = sys.argv[1:8]


class Handler:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        login = session.auth_data.login if isinstance(session.auth_data, LoginPassword) else b""
        with open(os.path.join(outdir, "%d.eml" % self.count), "wb") as f:
            f.write(b"X-Envelope-From: " + envelope.mail_from.encode() + b"\r\n")
            f.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(b"X-Auth-User: " + login + b"\r\n")
            f.write(envelope.original_content)
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
          and auth_data.password == password.encode())
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Handler(), hostname=host, port=int(port), tls_context=context, require_starttls=True,
                        authenticator=authenticator, auth_require_tls=True)
controller.start()
print("READY", controller.port, flush=True)
sys.stdin.read()
controller.stop()
