# Mistake: connects to the wrong port, so nobody answers.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37777
s = socket.socket()
s.connect(("127.0.0.1", port + 1))
print(s.recv(1024))
s.close()
