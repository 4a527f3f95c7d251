# server.py, done right: serve every client with the message, then close that connection.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37777
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(5)
while True:
    con, addr = s.accept()
    print("connected from", addr)
    con.send(b"This is socket!")
    con.close()
