# Mistake: send() instead of sendall(). This server watches its sockets with selectors, so they are
# non-blocking: when the client is slow to read and the send buffer is full, send() sends only part of the
# data (or nothing), and the rest is lost. Linux grows a send buffer up to 4 MiB, more than the check sends,
# so this server sets a small one (SO_SNDBUF), as a student trying setsockopt might.
import selectors
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37778
sel = selectors.DefaultSelector()
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(5)
s.setblocking(False)
sel.register(s, selectors.EVENT_READ)
while True:
    for key, events in sel.select():
        if key.fileobj is s:
            con, addr = s.accept()
            con.setblocking(False)
            con.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 8192)
            sel.register(con, selectors.EVENT_READ)
        else:
            con = key.fileobj
            data = con.recv(65536)
            if not data:
                sel.unregister(con)
                con.close()
                continue
            try:
                con.send(data)
            except BlockingIOError:
                pass
