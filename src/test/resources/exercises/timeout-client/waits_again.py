# Mistake: catches the timeout but then waits again, so it never ends.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37780
s = socket.socket()
s.settimeout(2)
s.connect(("127.0.0.1", port))
while True:
    try:
        print(s.recv(1024))
    except socket.timeout:
        print("timed out, trying again")
