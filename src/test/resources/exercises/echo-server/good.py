# An echo server done right: a thread per client, recv() in a loop, sendall(), close on b''.
import socket
import sys
import threading

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37778


def serve(con):
    with con:
        while True:
            data = con.recv(4096)
            if not data:
                break
            con.sendall(data)


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(5)
while True:
    con, addr = s.accept()
    threading.Thread(target=serve, args=(con,), daemon=True).start()
