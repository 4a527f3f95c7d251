# Mistake: no settimeout(), so recv() waits for ever.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37780
s = socket.socket()
s.connect(("127.0.0.1", port))
print(s.recv(1024))
s.close()
