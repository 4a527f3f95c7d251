# The CA is right, but wrap_socket is not told the server's name: Python refuses before any hello.
import socket
import ssl
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37782
cafile = sys.argv[2] if len(sys.argv) > 2 else "localhost-cert.pem"
ctx = ssl.create_default_context(cafile=cafile)
s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)))
s.sendall(b"hello")
print(s.recv(1024))
s.close()
