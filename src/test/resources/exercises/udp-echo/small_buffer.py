# Mistake: recvfrom(1024) cuts every longer datagram to 1024 bytes.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37779
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))
while True:
    data, addr = s.recvfrom(1024)
    s.sendto(data, addr)
