# The system's trust store only: the app's self-signed certificate is refused.
import socket
import ssl
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37782
ctx = ssl.create_default_context()
s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="localhost")
s.sendall(b"hello")
print(s.recv(1024))
s.close()
