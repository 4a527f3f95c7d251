# A plain socket to a TLS port: the server hears plain text where a TLS hello was due.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37782
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"hello")
print(s.recv(1024))
s.close()
