# The classic mistake: the port is bound, but the program never joins the group, so nothing arrives.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37781
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("0.0.0.0", port))
while True:
    data, addr = s.recvfrom(1024)
    print(data.decode().strip(), "from", addr)
