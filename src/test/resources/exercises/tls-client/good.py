# A TLS client done right: the app's certificate as the CA, the server's name checked, a message, the answer.
import socket
import ssl
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37782
cafile = sys.argv[2] if len(sys.argv) > 2 else "localhost-cert.pem"
ctx = ssl.create_default_context(cafile=cafile)
with socket.create_connection(("127.0.0.1", port)) as plain:
    with ctx.wrap_socket(plain, server_hostname="localhost") as s:
        s.sendall(b"hello")
        answer = b""
        while True:
            data = s.recv(1024)
            if not data:
                break
            answer += data
        print(answer.decode())
