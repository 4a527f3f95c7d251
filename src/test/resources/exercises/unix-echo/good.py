# The echo server over AF_UNIX, done right: remove the old file, bind, a thread per client.
import os
import socket
import sys
import threading

path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/socket-workbench-echo.sock"


def serve(con):
    with con:
        while True:
            data = con.recv(4096)
            if not data:
                break
            con.sendall(data)


if os.path.exists(path):
    os.unlink(path)
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path)
s.listen(5)
while True:
    con, addr = s.accept()
    threading.Thread(target=serve, args=(con,), daemon=True).start()
