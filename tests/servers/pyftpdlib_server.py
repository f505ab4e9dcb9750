"""A pyftpdlib server for the integration tests, on 127.0.0.1 only.

usage: pyftpdlib_server.py ROOT [SECONDS [OPTION...]]

Serves ROOT to user "alice" (password "secret", read-write), to user "bob" (an empty
password, read-only) and to anonymous users (read-only), on a free port that it prints as
"READY <port>" once it listens. It stops by itself after SECONDS (default 120), so that a test
that dies cannot leave it behind. Options:
  masquerade=ADDRESS  its 227 replies name ADDRESS instead of its own (as behind NAT), which a
                      client must ignore, connecting to the control connection's host;
  no-epsv             EPSV is unknown to it (500), as on servers without RFC 2428;
  tls=CERT,KEY        FTPS required on the control and the data connections (TLS_FTPHandler,
                      with pyOpenSSL), with the certificate and key of these PEM files.
"""

import sys
import time

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer


def main():
    root = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 120.0
    authorizer = DummyAuthorizer()
    authorizer.add_user("alice", "secret", root, perm="elradfmwMT")
    authorizer.add_user("bob", "", root)
    authorizer.add_anonymous(root)

    base = FTPHandler
    for option in sys.argv[3:]:
        if option.startswith("tls="):
            from pyftpdlib.handlers import TLS_FTPHandler

            base = TLS_FTPHandler
            base.certfile, base.keyfile = option.split("=", 1)[1].split(",")
            base.tls_control_required = True
            base.tls_data_required = True

    class Handler(base):
        pass

    Handler.authorizer = authorizer
    for option in sys.argv[3:]:
        if option.startswith("masquerade="):
            Handler.masquerade_address = option.split("=", 1)[1]
        elif option.startswith("tls="):
            pass
        elif option == "no-epsv":
            Handler.proto_cmds = {
                verb: spec for verb, spec in FTPHandler.proto_cmds.items() if verb != "EPSV"
            }
        else:
            sys.exit("unknown option " + option)
    handler = Handler
    server = FTPServer(("127.0.0.1", 0), handler)
    print("READY", server.socket.getsockname()[1], flush=True)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        server.serve_forever(timeout=0.2, blocking=False)
    server.close_all()


if __name__ == "__main__":
    main()
