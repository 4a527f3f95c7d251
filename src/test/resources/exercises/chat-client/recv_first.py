# A classic mistake: it waits for the server to speak first, and the server waits for its name.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37783
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", port))
print(s.recv(1024))
s.sendall(b"Ada\n")
s.close()
