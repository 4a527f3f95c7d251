# Mistake: the loop never stops when recv() returns b'' (the server closed), so the socket is never closed.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37777
s = socket.socket()
s.connect(("127.0.0.1", port))
while True:
    data = s.recv(1024)
    if data:
        print(data)
