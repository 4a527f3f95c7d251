# A UDP echo server done right: a buffer for any datagram, each answer to its own sender.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37779
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))
while True:
    data, addr = s.recvfrom(65535)
    s.sendto(data, addr)
