"""A pyftpdlib server for the integration tests, on 127.0.0.1 only.

usage: pyftpdlib_server.py ROOT [SECONDS [MASQUERADE]]

Serves ROOT to user "alice" (password "secret", read-write) and to anonymous users
(read-only), on a free port that it prints as "READY <port>" once it listens. It stops by
itself after SECONDS (default 120), so that a test that dies cannot leave it behind. With
MASQUERADE, its 227 replies name that address instead of its own (as behind NAT), which a
client must ignore, connecting to the control connection's host.
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
    authorizer.add_anonymous(root)
    handler = FTPHandler
    handler.authorizer = authorizer
    if len(sys.argv) > 3:
        handler.masquerade_address = sys.argv[3]
    server = FTPServer(("127.0.0.1", 0), handler)
    print("READY", server.socket.getsockname()[1], flush=True)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        server.serve_forever(timeout=0.2, blocking=False)
    server.close_all()


if __name__ == "__main__":
    main()
