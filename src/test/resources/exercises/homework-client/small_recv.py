# Mistake: recv(4) returns at most 4 bytes, so most of the message is never read.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37777
s = socket.socket()
s.connect(("127.0.0.1", port))
print(s.recv(4))
s.close()
