# Mistake: adds a newline, so the client gets 16 bytes instead of 15.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37777
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(5)
while True:
    con, addr = s.accept()
    con.send(b"This is socket!\n")
    con.close()
