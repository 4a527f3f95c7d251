# The chat client, done right: connect, send the name as one line, print the answer, close.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37783
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect(("127.0.0.1", port))
    s.sendall(b"Ada\n")
    answer = b""
    while True:
        data = s.recv(1024)
        if not data:
            break
        answer += data
    print(answer.decode())
