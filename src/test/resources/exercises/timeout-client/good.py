# A client that gives up: settimeout() makes recv() raise socket.timeout after 2 s.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37780
s = socket.socket()
s.settimeout(2)
s.connect(("127.0.0.1", port))
try:
    data = s.recv(1024)
    print(data)
except socket.timeout:
    print("timed out: the server sent nothing")
s.close()
