# Mistake: one recv() per client, as if it returned everything the client sent.
import socket
import sys
import threading

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37778


def serve(con):
    data = con.recv(1024)
    con.sendall(data)
    con.close()


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(5)
while True:
    con, addr = s.accept()
    threading.Thread(target=serve, args=(con,), daemon=True).start()
