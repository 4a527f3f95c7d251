# Mistake: answers everyone at the address of the first sender it met.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37779
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))
client = None
while True:
    data, addr = s.recvfrom(65535)
    if client is None:
        client = addr
    s.sendto(data, client)
