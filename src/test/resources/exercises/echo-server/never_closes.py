# Mistake: the loop does not stop when recv() returns b'', so the connection is never closed.
import socket
import sys
import threading
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37778


def serve(con):
    while True:
        data = con.recv(4096)
        if data:
            con.sendall(data)
        else:
            time.sleep(0.1)


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(5)
while True:
    con, addr = s.accept()
    threading.Thread(target=serve, args=(con,), daemon=True).start()
