# It works, but checks nothing: any server would do.
import socket
import ssl
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37782
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)))
s.sendall(b"hello")
answer = b""
while True:
    data = s.recv(1024)
    if not data:
        break
    answer += data
print(answer.decode())
s.close()
