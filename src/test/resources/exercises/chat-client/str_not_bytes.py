# A classic mistake: a str where bytes are needed; sendall() raises TypeError.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37783
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", port))
s.sendall("Ada\n")
print(s.recv(1024))
s.close()
