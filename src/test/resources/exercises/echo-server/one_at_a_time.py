# Mistake: no threads, so while it serves one client the others wait.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37778
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(5)
while True:
    con, addr = s.accept()
    while True:
        data = con.recv(4096)
        if not data:
            break
        con.sendall(data)
    con.close()
