# Also right: the timeout is not caught, so Python prints "TimeoutError: timed out" and the program ends.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37780
with socket.socket() as s:
    s.settimeout(2)
    s.connect(("127.0.0.1", port))
    s.recv(1024)
